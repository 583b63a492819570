"""`python -m newsfacts extract` (placeholder until its module is written)."""


def register(subparsers) -> None:
    parser = subparsers.add_parser("extract", help="not yet available")
    parser.set_defaults(run=lambda args: 2)
