"""Core subcommands of ``lifelong``: thin layers over ``app/``, each taking ``--data-dir``.

``register`` adds them to the launcher's parser (``ui/launcher.py``); sync subcommands come
from ``sync/cli.py``.
"""

import argparse
import getpass
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from app import catalogue, profiles, progress
from app.errors import DamagedDatabaseError, LibraryError, PinError
from app.paths import resolve
from app.store import Store

Handler = Callable[[argparse.Namespace], int]


def open_store(args: argparse.Namespace) -> Store:
    return Store(resolve(getattr(args, "data_dir", None)))


def guarded(handler: Handler) -> Handler:
    """Run ``handler``; an environment error becomes one line on stderr and exit code 1."""

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except (LibraryError, OSError, ValueError) as error:
            print(f"lifelong: {error}", file=sys.stderr)
            return 1

    return run


def cmd_import(args: argparse.Namespace) -> int:
    from app.packages import import_package

    with open_store(args) as store:
        installed = import_package(store, Path(args.package), expected_sha256=args.sha256)
    print(f"Installed {installed.course_id} version {installed.version}.")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from app.search import Filters, find_courses

    filters = Filters(section=args.section, downloaded_only=args.downloaded)
    with open_store(args) as store:
        rows = find_courses(store.conn, args.text, filters, limit=args.limit)
    for row in rows:
        mark = "*" if row.installed else " "
        print(f"{mark} {row.id:<14} {row.title_zh}  {row.title_en}")
    if not rows:
        print("No courses found.")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from app.outbox import quarantined
    from app.packages import disk_used

    with open_store(args) as store:
        conn = store.conn
        installed = int(conn.execute("SELECT count(*) FROM installed").fetchone()[0])
        held = quarantined(conn)
        lines = [
            f"Data folder:         {store.paths.root}",
            f"Courses known:       {catalogue.course_count(conn)}",
            f"Courses downloaded:  {installed}",
            f"Disk used:           {disk_used(store) / 1e6:.1f} MB",
            f"Free space:          {shutil.disk_usage(store.paths.root).free / 1e9:.1f} GB",
            f"Records to send:     {progress.waiting_count(conn)}",
            f"Records quarantined: {len(held)}",
        ]
        lines += [f"  {item.id} ({item.verb.rsplit('/', 1)[-1]}): {item.reason}" for item in held]
        skew = store.get_state("clock.skew_s")
        if skew:
            lines.append(f"Clock skew:          {float(skew):+.1f} s against the platform")
        lines += [
            f"Last {key.removeprefix('sync.last.')}: {value}"
            for key, value in conn.execute(
                "SELECT key, value FROM sync_state WHERE key LIKE 'sync.last.%' ORDER BY key"
            )
        ]
    print("\n".join(lines))
    return 0


def cmd_profiles(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        for profile in profiles.all_profiles(store.conn):
            flags = [
                word
                for word, on in (("facilitator", profile.facilitator), ("PIN", profile.has_pin),
                                 ("guest", profile.guest))
                if on
            ]
            print(f"{profile.id:>3}  {profile.name}  {' '.join(flags)}".rstrip())
    return 0


def unlock(store: Store, profile: profiles.Profile, pin_stdin: bool) -> None:
    """Ask for the profile's PIN (or a facilitator's) before showing its data."""
    if not profile.has_pin:
        return
    prompt = f"PIN for {profile.name}: "
    pin = sys.stdin.readline().strip() if pin_stdin else getpass.getpass(prompt)
    try:
        with store.transaction() as conn:
            profiles.verify_pin(conn, profile.id, pin)
        return
    except LibraryError:
        pass
    for other in profiles.all_profiles(store.conn):
        if other.facilitator and other.has_pin:
            try:
                with store.transaction() as conn:
                    profiles.verify_pin(conn, other.id, pin)
                return
            except LibraryError:
                continue
    raise PinError("Wrong PIN.")


def cmd_progress(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        conn = store.conn
        chosen = profiles.all_profiles(conn)
        if args.profile:
            chosen = [profiles.find(conn, args.profile)]
        for profile in chosen:
            unlock(store, profile, args.pin_stdin)
            print(f"# {profile.name}")
            _print_progress(store, profile.id)
    return 0


def _print_progress(store: Store, profile_id: int) -> None:
    course_ids = [
        row[0]
        for row in store.conn.execute(
            "SELECT DISTINCT l.course_id FROM progress p JOIN lessons l "
            "ON l.activity_id = p.lesson_activity WHERE p.profile_id = ? ORDER BY l.course_id",
            (profile_id,),
        )
    ]
    for course_id in course_ids:
        course = catalogue.get_course(store.conn, course_id)
        states = progress.course_progress(store.conn, profile_id, course_id)
        print(f"{course.id}  {course.title_zh} / {course.title_en}")
        for lesson in course.lessons:
            state = states.get(lesson.id)
            if state is None:
                continue
            score = "" if state.best_score is None else f" score {state.best_score:.0%}"
            print(f"  {lesson.title_zh:<20} {state.status:<9} at {state.position:.0f}s{score}")


def cmd_export(args: argparse.Namespace) -> int:
    """Write this PC's learning records as JSON lines (to carry them to the platform by hand)."""
    with open_store(args) as store:
        rows = store.conn.execute(
            "SELECT json FROM statements WHERE origin = 'local' ORDER BY timestamp, id"
        ).fetchall()
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for (text,) in rows:
            out.write(text + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"Exported {len(rows)} records.", file=sys.stderr)
    return 0


def cmd_reset_library(args: argparse.Namespace) -> int:
    """Replace a damaged database by a new one holding all that could be read from it."""
    from app.library_reset import start_fresh

    paths = resolve(getattr(args, "data_dir", None))
    try:
        Store(paths).close()
    except DamagedDatabaseError as error:
        if error.kept is None:  # sound, but from a newer app: not ours to replace
            raise
        salvage = start_fresh(paths, error.kept)
        print(f"Started a new library; the damaged one is kept at {error.kept}.")
        print(f"Kept {salvage.courses} downloaded courses, {salvage.profiles} profiles and "
              f"{salvage.statements} learning records. The catalogue returns at the next sync.")
        if salvage.unreadable:
            print(f"Could not be read whole: {', '.join(salvage.unreadable)}.")
        return 0
    print("The library is not damaged; nothing was changed.")
    return 0


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the core subcommands; each stores its handler as ``args.handler``."""

    def add(name: str, handler: Handler, text: str) -> argparse.ArgumentParser:
        parser = subparsers.add_parser(name, help=text, description=text)
        parser.add_argument("--data-dir", help="data folder (default: per-user, or "
                            "$LIFELONG_DATA_DIR)", default=argparse.SUPPRESS)
        parser.set_defaults(handler=guarded(handler))
        return parser

    parser = add("import", cmd_import, "Install a course package file.")
    parser.add_argument("package")
    parser.add_argument("--sha256", help="expected SHA-256 of the package")
    parser = add("search", cmd_search, "Search the catalogue.")
    parser.add_argument("text", nargs="?", default="")
    parser.add_argument("--section", help="section code, e.g. silver_age")
    parser.add_argument("--downloaded", action="store_true", help="downloaded courses only")
    parser.add_argument("--limit", type=int, default=20)
    add("status", cmd_status, "Show what this PC holds and what waits to sync.")
    add("profiles", cmd_profiles, "List learner profiles.")
    parser = add("progress", cmd_progress, "Show learners' progress (asks for PINs).")
    parser.add_argument("--profile", help="profile name")
    parser.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")
    parser = add("export", cmd_export, "Export this PC's learning records as JSON lines.")
    parser.add_argument("--output", "-o", help="file to write (default: stdout)")
    add("reset-library", cmd_reset_library,
        "Start again after the library database was damaged, keeping what can be read.")


def run_commands(
    register_commands: Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None],
    argv: list[str] | None,
) -> int:
    """Parse ``argv`` against the subcommands ``register_commands`` adds, and run one."""
    parser = argparse.ArgumentParser(prog="lifelong")
    parser.add_argument("--data-dir", help="data folder")
    register_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    return handler(args)


def main(argv: list[str] | None = None) -> int:
    """Run a core subcommand without the GUI (``python -m app.cli``)."""
    return run_commands(register, argv)


if __name__ == "__main__":
    sys.exit(main())

