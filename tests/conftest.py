"""Property tests run the same examples on every run unless asked otherwise, so CI stays reproducible: a failure
found while exploring (`pytest --hypothesis-profile=explore`) becomes a fixed example test."""
from hypothesis import settings

settings.register_profile("reproducible", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile("reproducible")
