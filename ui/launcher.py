"""``lifelong``: the desktop app, or a subcommand for centres and scripts.

A subcommand runs without importing Qt, so the command line starts fast; the GUI path
shows its window before importing the database and sync modules.
"""

import argparse
import sys
from collections.abc import Sequence
from typing import Any

SUBCOMMAND_MODULES = ("app.cli", "sync.cli")


def version() -> str:
    from app import __version__  # the one place the version is written (pyproject reads it)

    return __version__


def global_parser(add_help: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lifelong", add_help=add_help,
        description="Lifelong Learning Desktop: courses of the Lifelong Education Platform, "
        "offline.",
    )
    parser.add_argument("--data-dir", help="data folder (default: per-user, or "
                        "$LIFELONG_DATA_DIR)")
    parser.add_argument("--demo", action="store_true",
                        help="run against a built-in demo server in a throw-away folder")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--self-test", action="store_true",
                        help="check the packaged app end to end, headless, and exit")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language")
    parser.add_argument("--large-font", action="store_true", default=None,
                        help="large type and high contrast")
    return parser


def full_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand that is installed."""
    parser = global_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        try:
            module: Any = __import__(name, fromlist=["register"])
        except ImportError:
            continue
        module.register(subparsers)
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``argv``; subcommands are loaded only when the line names one (or asks help)."""
    known, rest = global_parser(add_help=False).parse_known_args(argv)
    if not rest:
        known.command = None
        return known
    return full_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(list(sys.argv[1:] if argv is None else argv))
    if args.version:
        print(f"lifelong {version()}")
        return 0
    handler = getattr(args, "handler", None)
    if handler is not None:
        return int(handler(args))
    from ui.gui import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
