"""Catalogue records (docs/catalogue-record.md) for demo and synthetic courses."""

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, Final

ACTIVITY_BASE: Final = "https://lifelong.example.org/xapi/activities"
# In UTC; naive because isoformat() of a naive time is the fastest way to the feed's format.
_FIRST_UPDATE: Final = datetime(2026, 11, 1, 8, 0)


def updated_at(minutes: int) -> str:
    """A fixed ``updated`` timestamp, ``minutes`` after the demo catalogue's first one."""
    moment = _FIRST_UPDATE + timedelta(minutes=minutes)
    return moment.isoformat(timespec="milliseconds") + "Z"


def lesson_record(lesson: Mapping[str, Any], activity_base: str) -> dict[str, Any]:
    """A record's lesson from a manifest lesson (or anything with id, kind, title, duration)."""
    record: dict[str, Any] = {
        "id": lesson["id"],
        "activity_id": f"{activity_base}/lesson/{lesson['id']}",
        "kind": lesson["kind"],
        "title": dict(lesson["title"]),
    }
    if lesson.get("duration") is not None:
        record["duration"] = lesson["duration"]
    return record


def course_record(
    *,
    course_id: str,
    version: int,
    section: str,
    facets: tuple[Iterable[str], Iterable[str]],
    title: Mapping[str, str],
    summary: Mapping[str, str],
    tags: Iterable[str],
    package: Mapping[str, Any],
    lessons: Iterable[Mapping[str, Any]],
    updated: str,
    activity_base: str,
) -> dict[str, Any]:
    """One course as the catalogue feed gives it; ``facets`` is (horizontal, vertical)."""
    horizontal, vertical = facets
    return {
        "id": course_id,
        "activity_id": f"{activity_base}/course/{course_id}",
        "version": version,
        "section": section,
        "facets": {"horizontal": list(horizontal), "vertical": list(vertical)},
        "title": dict(title),
        "summary": dict(summary),
        "tags": list(tags),
        "package": dict(package),
        "lessons": [lesson_record(lesson, activity_base) for lesson in lessons],
        "updated": updated,
    }
