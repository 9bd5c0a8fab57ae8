"""The rules a package's manifest and file names follow (docs/package-format.md).

Every check raises :class:`~app.errors.PackageError` with one line saying what is wrong.
File names must be safe on every system the app runs on, so Windows' rules apply on Linux too.
"""

import json
import math
import re
import unicodedata
from typing import Any, Final, TypeGuard

from app.errors import PackageError

FORMAT: Final = 1
MANIFEST_NAME: Final = "manifest.json"
MAX_FILES: Final = 10_000
MAX_TOTAL_SIZE: Final = 4 * 1024**3
MAX_MANIFEST_BYTES: Final = 8 * 1024**2
MAX_PATH_CHARS: Final = 512
MAX_SEGMENT_BYTES: Final = 255
LESSON_KINDS: Final = frozenset({"video", "text", "quiz"})

_COURSE_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_SHA256: Final = re.compile(r"[0-9a-f]{64}")
_DRIVE: Final = re.compile(r"[A-Za-z]:")
_WINDOWS_FORBIDDEN: Final = frozenset('<>:"|?*')
_WINDOWS_RESERVED: Final = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)}
)
# Controls, invisible format characters (bidi overrides), lone surrogates, line separators.
_BAD_CATEGORIES: Final = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def quoted(name: str) -> str:
    """``name`` as a short one-line quotation for an error message (repr escapes controls)."""
    return repr(name if len(name) <= 80 else name[:77] + "...")


def collision_key(path: str) -> str:
    """Names equal under this key are the same file on a case-insensitive or NFD file system."""
    return unicodedata.normalize("NFC", path).casefold()


def check_relative_path(path: object) -> str:
    """``path`` if it is a safe relative file name with forward slashes, else raise."""
    if not isinstance(path, str) or not path:
        raise PackageError("a file name in the package is empty or not text")
    problem = _path_problem(path)
    if problem:
        raise PackageError(f"unsafe file name {quoted(path)}: {problem}")
    return path


def _path_problem(path: str) -> str:
    problem = _first_problem(
        ("\\" in path, "it contains a backslash"),
        (path.startswith("/"), "it is an absolute path"),
        (bool(_DRIVE.match(path)), "it starts with a drive letter"),
        (
            any(unicodedata.category(char) in _BAD_CATEGORIES for char in path),
            "it contains a control or invisible character",
        ),
        (len(path) > MAX_PATH_CHARS, f"it is longer than {MAX_PATH_CHARS} characters"),
    )
    # Parts are looked at only once the whole is known to encode (no lone surrogates).
    return problem or next(filter(None, map(_segment_problem, path.split("/"))), "")


def _segment_problem(segment: str) -> str:
    if segment in ("", ".", ".."):
        return "it contains '..'" if segment == ".." else "it has an empty or '.' part"
    return _first_problem(
        (
            len(segment.encode()) > MAX_SEGMENT_BYTES,
            f"a part is longer than {MAX_SEGMENT_BYTES} bytes",
        ),
        (bool(_WINDOWS_FORBIDDEN.intersection(segment)), 'it contains one of < > : " | ? *'),
        (segment[-1] in " .", "a part ends with a space or a dot"),
        (_reserved(segment), "a part is a reserved Windows device name"),
    )


def _first_problem(*checks: tuple[bool, str]) -> str:
    return next((reason for failed, reason in checks if failed), "")


def _reserved(name: str) -> bool:
    return name.split(".", maxsplit=1)[0].rstrip().lower() in _WINDOWS_RESERVED


def check_course_id(value: object) -> str:
    """A course id is also its folder name, so it is one plain segment."""
    if not isinstance(value, str) or not _COURSE_ID.fullmatch(value) or value.endswith("."):
        shown = quoted(value) if isinstance(value, str) else repr(type(value).__name__)
        raise PackageError(
            f"invalid course id {shown}: use 1-128 letters, digits, '.', '_' or '-'"
        )
    if _reserved(value):
        raise PackageError(f"invalid course id {quoted(value)}: a reserved Windows device name")
    return value


def parse_manifest(data: bytes) -> dict[str, Any]:
    """The validated manifest from the bytes of ``manifest.json``."""
    try:
        parsed: object = json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_unique_keys,
            parse_constant=_reject_constant,
        )
    except UnicodeDecodeError as error:
        raise PackageError("manifest.json is not UTF-8 text") from error
    except json.JSONDecodeError as error:
        raise PackageError(
            f"manifest.json is not valid JSON ({error.msg}, line {error.lineno})"
        ) from error
    except (ValueError, RecursionError) as error:  # huge integers, absurd nesting
        raise PackageError(f"manifest.json cannot be read ({error})") from error
    return validate_manifest(parsed)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Duplicate keys let two readers see two different manifests; refuse them.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise PackageError(f"manifest.json repeats the key {quoted(key)}")
        result[key] = value
    return result


def _reject_constant(name: str) -> None:
    raise PackageError(f"manifest.json contains {name}, which is not a number")


def validate_manifest(obj: object) -> dict[str, Any]:
    """``obj`` if it is a valid format-1 manifest, else raise with the first problem found."""
    manifest = _object(obj, "the manifest")
    if not _is_int(manifest.get("format")) or manifest["format"] != FORMAT:
        raise PackageError(
            f"unsupported package format {manifest.get('format')!r} (this app reads {FORMAT})"
        )
    check_course_id(manifest.get("course_id"))
    version = manifest.get("version")
    if not _is_int(version) or version < 1:
        raise PackageError(f"the course version {version!r} is not a positive whole number")
    _check_texts(manifest.get("title"), "the course title")
    files = _check_files(manifest.get("files"))
    _check_lessons(manifest.get("lessons"), files)
    return manifest


def _check_files(value: object) -> set[str]:
    """The listed paths; checks each entry, duplicates, file/folder clashes and the limits."""
    if not isinstance(value, list):
        raise PackageError("the manifest's 'files' is not a list")
    if len(value) > MAX_FILES:
        raise PackageError(f"too many files: {len(value)} (the limit is {MAX_FILES})")
    keys: dict[str, str] = {}
    total = 0
    for item in value:
        path, size = _check_file_entry(item)
        key = collision_key(path)
        if key in keys:
            raise PackageError(f"{quoted(path)} is listed twice in the manifest")
        keys[key] = path
        total += size
    if total > MAX_TOTAL_SIZE:
        raise PackageError(
            f"the course is too large: {total} bytes (the limit is {MAX_TOTAL_SIZE} bytes)"
        )
    for key in keys:
        for parent in implied_folders(key):
            if parent in keys:
                raise PackageError(f"{quoted(keys[parent])} is both a file and a folder")
    return set(keys.values())


def _check_file_entry(item: object) -> tuple[str, int]:
    entry = _object(item, "an entry of the manifest's 'files'")
    path = check_relative_path(entry.get("path"))
    if collision_key(path) == MANIFEST_NAME:
        raise PackageError("the manifest lists manifest.json among its files")
    size = entry.get("size")
    if not _is_int(size) or size < 0:
        raise PackageError(f"{quoted(path)} has no valid size in the manifest")
    digest = entry.get("sha256")
    if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
        raise PackageError(f"{quoted(path)} has no valid SHA-256 (64 lowercase hex digits)")
    return path, size


def implied_folders(path: str) -> list[str]:
    """The folders a file path sits in: ``a/b/c`` -> ``a``, ``a/b``."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[: end + 1]) for end in range(len(parts))]


def _check_lessons(value: object, files: set[str]) -> None:
    if not isinstance(value, list) or not value:
        raise PackageError("the manifest's 'lessons' is not a list of at least one lesson")
    seen: set[str] = set()
    for item in value:
        lesson = _object(item, "a lesson")
        lesson_id = lesson.get("id")
        if not isinstance(lesson_id, str) or not lesson_id or len(lesson_id) > 200:
            raise PackageError("a lesson has no valid id")
        if lesson_id in seen:
            raise PackageError(f"lesson id {quoted(lesson_id)} appears twice")
        seen.add(lesson_id)
        _check_lesson(lesson, quoted(lesson_id), files)


def _check_lesson(lesson: dict[str, Any], name: str, files: set[str]) -> None:
    if lesson.get("kind") not in LESSON_KINDS:
        raise PackageError(f"lesson {name} has unknown kind {lesson.get('kind')!r}")
    _check_texts(lesson.get("title"), f"the title of lesson {name}")
    if not isinstance(lesson.get("file"), str) or lesson["file"] not in files:
        raise PackageError(f"lesson {name} names a file that is not in the manifest's 'files'")
    subtitles = lesson.get("subtitles")
    if subtitles is not None and (
        not isinstance(subtitles, str) or subtitles not in files or not subtitles.endswith(".srt")
    ):
        raise PackageError(f"lesson {name} names subtitles that are not a listed .srt file")
    duration = lesson.get("duration")
    if duration is not None and not (
        isinstance(duration, int | float)
        and not isinstance(duration, bool)
        and math.isfinite(duration)
        and duration >= 0
    ):
        raise PackageError(f"lesson {name} has an invalid duration {duration!r}")


def _check_texts(value: object, what: str) -> None:
    """A translated text: a non-empty object of language code -> string."""
    if (
        not isinstance(value, dict)
        or not value
        or not all(isinstance(text, str) for text in value.values())
    ):
        raise PackageError(f"{what} is not an object of language -> text")


def _object(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise PackageError(f"{what} is not a JSON object")
    return value


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
