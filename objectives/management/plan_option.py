"""The --plan option of the commands that read or write one business plan, named by its title."""


def add_plan_argument(parser) -> None:
    """--plan, worded the same for every command, so the help text never drifts between them."""
    parser.add_argument("--plan", required=True, help='The business plan\'s title, such as "2025/26".')
