"""Small catalogue records for tests (the shape of docs/catalogue-record.md)."""

from typing import Any

BASE = "https://lifelong.example.org/xapi/activities"


def course_record(
    course_id: str,
    *,
    title_zh: str = "课程",
    title_en: str = "A course",
    section: str = "scientific_literacy",
    version: int = 1,
    lessons: int = 3,
    horizontal: tuple[str, ...] = ("lifelong",),
    vertical: tuple[str, ...] = ("intellectual",),
    summary_zh: str = "",
    summary_en: str = "",
    tags: tuple[str, ...] = (),
) -> dict[str, Any]:
    kinds = ("video", "text", "quiz")
    return {
        "id": course_id,
        "activity_id": f"{BASE}/course/{course_id}",
        "version": version,
        "section": section,
        "facets": {"horizontal": list(horizontal), "vertical": list(vertical)},
        "title": {"zh": title_zh, "en": title_en},
        "summary": {"zh": summary_zh, "en": summary_en},
        "tags": list(tags),
        "package": {
            "url": f"/packages/{course_id}-v{version}.zip", "size": 1000, "sha256": "0" * 64
        },
        "lessons": [
            {
                "id": f"{course_id}-{n:02d}",
                "activity_id": f"{BASE}/lesson/{course_id}-{n:02d}",
                "kind": kinds[(n - 1) % 3],
                "title": {"zh": f"第{n}课", "en": f"Lesson {n}"},
                "duration": 5 if kinds[(n - 1) % 3] == "video" else 0,
            }
            for n in range(1, lessons + 1)
        ],
        "updated": "2026-11-28T12:00:00.000Z",
    }
