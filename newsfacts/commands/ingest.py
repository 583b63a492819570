"""`python -m newsfacts ingest` (placeholder until its module is written)."""


def register(subparsers) -> None:
    parser = subparsers.add_parser("ingest", help="not yet available")
    parser.set_defaults(run=lambda args: 2)
