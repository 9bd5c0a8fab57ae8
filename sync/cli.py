"""Sync subcommands of ``lifelong``: signin, sync, download, config.

``register`` adds them to the launcher's parser; ``python -m sync.cli`` runs them alone.
"""

import argparse
import getpass
import sys
from typing import TextIO

from app import profiles, settings
from app.cli import Handler, guarded, open_store, run_commands
from app.errors import LibraryError
from sync.accounts import sign_in
from sync.client import Client
from sync.downloads import DONE, DownloadManager
from sync.engine import sync_all

MB = 1024 * 1024
UPDATE_REQUIRED = 3
"""Exit status of ``lifelong sync`` when the platform refuses this version of the app."""


def _server(args: argparse.Namespace, conn_value: str) -> str:
    server = str(getattr(args, "server", None) or conn_value)
    if not server:
        raise LibraryError("No server address: pass --server URL or run "
                           "'lifelong config set server.url URL'.")
    return server


def cmd_signin(args: argparse.Namespace) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"Password for {args.username}: ")
    with open_store(args) as store:
        server = _server(args, str(settings.get(store.conn, "server.url")))
        profile = sign_in(store, server, args.username, password, profile_name=args.profile or "")
    print(f"Signed in as {args.username} (profile {profile.name}).")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        profile_ids = None
        if args.profile:
            profile_ids = [profiles.find(store.conn, args.profile).id]
        server = _server(args, str(settings.get(store.conn, "server.url")))
        summary = sync_all(store, server_url=server, profile_ids=profile_ids)
    if summary.update_required:
        print(f"lifelong: not synced, this app must be updated: {summary.message}",
              file=sys.stderr)
        return UPDATE_REQUIRED
    for step in summary.steps:
        print(step.line(), file=sys.stdout if step.ok else sys.stderr)
    return 0 if summary.ok else 1


class ProgressBar:
    """A one-line text progress bar, redrawn at most every tenth of a percent."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream, self.width = stream, width
        self._last = ""

    def __call__(
        self, course_id: str, done: int, total: int, rate: float, eta: float | None
    ) -> None:
        fraction = min(done / total, 1.0) if total else 0.0
        filled = int(fraction * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        left = f"{eta:.0f} s left" if eta is not None else "…"
        line = (f"\r{course_id} [{bar}] {fraction:6.1%} {done / MB:.1f}/{total / MB:.1f} MB "
                f"{rate / MB:.1f} MB/s {left}")
        if line != self._last:
            self.stream.write(line.ljust(len(self._last)))
            self.stream.flush()
            self._last = line

    def close(self) -> None:
        if self._last:
            self.stream.write("\n")
            self.stream.flush()


def cmd_download(args: argparse.Namespace) -> int:
    bar = ProgressBar(sys.stderr)
    with open_store(args) as store:
        server = _server(args, str(settings.get(store.conn, "server.url")))
        manager = DownloadManager(store, Client(server))
        try:
            outcome = manager.download(args.course, progress=bar)
        finally:
            bar.close()
    if outcome.state == DONE:
        print(f"{args.course}: installed" + (f" ({outcome.error})" if outcome.error else "."))
        return 0
    print(f"lifelong: {args.course}: {outcome.state}"
          + (f": {outcome.error}" if outcome.error else ""), file=sys.stderr)
    return 1


def cmd_config(args: argparse.Namespace) -> int:
    keys = ", ".join(settings.MACHINE)
    if args.key and args.key not in settings.MACHINE:
        raise LibraryError(f"Unknown setting {args.key!r}; known: {keys}.")
    with open_store(args) as store:
        if args.action == "get":
            for key in [args.key] if args.key else list(settings.MACHINE):
                value = settings.get(store.conn, key)
                print(f"{key} = {value}" if not args.key else value)
            return 0
        if not args.key or args.value is None:
            raise LibraryError("Usage: lifelong config set KEY VALUE")
        with store.transaction() as conn:
            settings.put(conn, args.key, args.value)
    return 0


def _interruptible(handler: Handler) -> Handler:
    """Ctrl-C ends the command with exit code 130 and no traceback; work done is kept."""

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except KeyboardInterrupt:
            print("\nlifelong: interrupted", file=sys.stderr)
            return 130

    return run


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the sync subcommands; each stores its handler as ``args.handler``."""

    def add(name: str, handler: Handler, text: str) -> argparse.ArgumentParser:
        parser = subparsers.add_parser(name, help=text, description=text)
        parser.add_argument("--data-dir", help="data folder (default: per-user, or "
                            "$LIFELONG_DATA_DIR)", default=argparse.SUPPRESS)
        parser.set_defaults(handler=_interruptible(guarded(handler)))
        return parser

    parser = add("signin", cmd_signin, "Sign in to the platform and link a learner profile.")
    parser.add_argument("--server", help="platform address (default: the server.url setting)")
    parser.add_argument("--username", required=True)
    parser.add_argument("--profile", help="local profile to link (default: named like the user)")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password from the first line of standard input")
    parser = add("sync", cmd_sync, "Sync the catalogue, then push and pull learning records.")
    parser.epilog = (f"Exit status: 0 synced, 1 a step failed, {UPDATE_REQUIRED} the platform "
                     "requires a newer version of this app.")
    parser.add_argument("--server", help="platform address (default: the server.url setting)")
    parser.add_argument("--profile", help="only this profile's records")
    parser = add("download", cmd_download, "Download and install a course.")
    parser.add_argument("course")
    parser.add_argument("--server", help="platform address (default: the server.url setting)")
    parser = add("config", cmd_config, "Read or change a machine setting.")
    parser.add_argument("action", choices=("get", "set"))
    parser.add_argument("key", nargs="?", help=f"one of: {', '.join(settings.MACHINE)}")
    parser.add_argument("value", nargs="?")


def main(argv: list[str] | None = None) -> int:
    """Run a sync subcommand without the GUI (``python -m sync.cli``)."""
    return run_commands(register, argv)


if __name__ == "__main__":
    sys.exit(main())
