"""``lifelong-server``: run the hub, manage learners and clients, publish and withdraw courses."""

import argparse
import getpass
import json
import logging
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import platformdirs

from app.errors import LibraryError
from server import auth, catalog, publishing
from server.config import ServerConfig
from server.demo import seed_demo
from server.running import bind_socket, socket_url, uvicorn_server
from server.storage import Storage

DATA_DIR_ENV = "LIFELONG_SERVER_DATA_DIR"
# Set to 1 to add POST /api/v1/echo, the baseline of bench/bench_server_ingest.py.
ECHO_ENV = "LIFELONG_SERVER_ECHO"


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help=f"server data folder (default: ${DATA_DIR_ENV} or the user data "
                        "folder; a temporary one with --demo)")
    serving = argparse.ArgumentParser(add_help=False)
    serving.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                         help="seed demo courses and the learner demo / demo")
    serving.add_argument("--host", default=argparse.SUPPRESS, help="default 127.0.0.1; "
                         "0.0.0.0 to serve the centre's LAN")
    serving.add_argument("--port", type=int, default=argparse.SUPPRESS,
                         help="default 8400; 0 picks a free port")
    parser = argparse.ArgumentParser(
        prog="lifelong-server", parents=[common, serving],
        description="Reference platform server of Lifelong Learning Desktop.")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", parents=[common, serving], help="run the server (default)")
    learner = commands.add_parser("add-learner", parents=[common],
                                  help="create a learner or set a new password")
    learner.add_argument("name")
    learner.add_argument("--password-stdin", action="store_true",
                         help="read the password from the first line of standard input")
    client = commands.add_parser("add-client", parents=[common],
                                 help="create an LRS client (HTTP Basic key and secret)")
    client.add_argument("key")
    client.add_argument("--secret-stdin", action="store_true",
                        help="read the secret from standard input instead of generating one")
    publish = commands.add_parser("publish", parents=[common],
                                  help="add a course, or a new version of one")
    publish.add_argument("package", type=Path)
    publish.add_argument("--meta", type=Path, required=True,
                         help="catalogue record as JSON (section, facets, summary, tags…)")
    withdraw = commands.add_parser("withdraw", parents=[common], help="withdraw a course")
    withdraw.add_argument("course")
    return parser


def _data_dir(args: argparse.Namespace) -> Path:
    given = getattr(args, "data_dir", None) or os.environ.get(DATA_DIR_ENV)
    if given:
        return Path(given).expanduser()
    return Path(platformdirs.user_data_dir("LifelongLearningServer", appauthor=False))


def _secret(from_stdin: bool, prompt: str) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(prompt)
    if getpass.getpass("Again: ") != first:
        raise ValueError("the two entries differ")
    return first


def _exit_on_signal(number: int, _frame: object) -> None:
    raise SystemExit(128 + number)


def _serve(args: argparse.Namespace) -> int:
    # Logs go to standard error: standard output carries only the "Listening on" line.
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(message)s")
    demo = getattr(args, "demo", False)
    temporary = None
    if demo and not getattr(args, "data_dir", None):
        temporary = Path(tempfile.mkdtemp(prefix="lifelong-server-demo-"))
    config = ServerConfig(data_dir=temporary or _data_dir(args),
                          enable_echo=os.environ.get(ECHO_ENV) == "1")
    storage = Storage(config.database)
    try:
        if demo:
            seed_demo(storage, config)
            print("Demo learner: demo / demo", file=sys.stderr)
        # uvicorn re-raises SIGTERM after its graceful shutdown; exiting through SystemExit
        # lets the finally below remove a demo's temporary folder.
        signal.signal(signal.SIGTERM, _exit_on_signal)
        sock = bind_socket(getattr(args, "host", "127.0.0.1"), getattr(args, "port", 8400))
        print(f"Listening on {socket_url(sock)}", flush=True)
        uvicorn_server(config, storage, "info").run(sockets=[sock])
        sock.close()
    finally:
        storage.close()
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.command in (None, "serve"):
        return _serve(args)
    config = ServerConfig(data_dir=_data_dir(args))
    storage = Storage(config.database)
    try:
        if args.command == "add-learner":
            auth.add_learner(storage, args.name, _secret(args.password_stdin, "Password: "))
            print(f"Learner {args.name} can sign in.")
        elif args.command == "add-client":
            secret = _secret(True, "") if args.secret_stdin else None
            print(f"Client {args.key}, secret: {auth.add_client(storage, args.key, secret)}")
        elif args.command == "publish":
            meta = json.loads(args.meta.read_text(encoding="utf-8"))
            record = publishing.publish(storage, config, args.package, meta)
            print(f"Published {record['id']} version {record['version']}: "
                  f"{record['package']['url']}")
        else:
            catalog.withdraw(storage, args.course)
            print(f"Withdrew {args.course}.")
    finally:
        storage.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except (LibraryError, ValueError, LookupError, OSError) as error:
        print(f"lifelong-server: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
