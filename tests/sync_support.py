"""Helpers of the sync tests: a reference server with small courses, signed-in stores."""

import os
from pathlib import Path
from typing import Any

from app import profiles
from app.packages import PackageInfo, build_package
from app.paths import DataPaths
from app.progress import record
from app.statements import COMPLETED, PROGRESSED, TIME_EXTENSION, build
from app.store import Store
from server.running import RunningServer
from sync.accounts import sign_in

LEARNER = ("ana", "correct horse")
ACTIVITY = "https://lifelong.example.org/xapi/activities/lesson/"


def make_package(
    folder: Path, course_id: str, version: int = 1, size: int = 64 * 1024
) -> PackageInfo:
    """A one-video-lesson package of about ``size`` incompressible bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    video = folder / f"{course_id}-v{version}.mp4"
    with video.open("wb") as stream:
        left = size
        while left > 0:
            stream.write(os.urandom(min(left, 1024 * 1024)))
            left -= 1024 * 1024
    lessons = [{"id": f"{course_id}-01", "kind": "video", "file": "lessons/01.mp4",
                "title": {"zh": "第一课", "en": "Lesson one"}, "duration": 4}]
    return build_package(
        folder / f"{course_id}-v{version}.zip", course_id=course_id, version=version,
        title={"zh": f"课程 {course_id}", "en": f"Course {course_id}"}, lessons=lessons,
        files={"lessons/01.mp4": video},
    )


def publish(server: RunningServer, folder: Path, course_id: str, version: int = 1,
            size: int = 64 * 1024) -> dict[str, Any]:
    package = make_package(folder, course_id, version, size)
    meta = {"section": "scientific_literacy",
            "facets": {"horizontal": ["lifelong"], "vertical": ["intellectual"]},
            "tags": ["test"]}
    return server.publish(package.path, meta)


def signed_in(paths: DataPaths, server: RunningServer) -> tuple[Store, int]:
    """A store whose profile ``ana`` is signed in to ``server``."""
    server.add_learner(*LEARNER)
    store = Store(paths)
    profile = sign_in(store, server.url, *LEARNER)
    return store, profile.id


def record_events(store: Store, profile_id: int, count: int, lesson: str = "l1") -> list[str]:
    """``count`` progressed statements, the last one completed, recorded in the outbox."""
    actor = profiles.get(store.conn, profile_id).actor
    ids = []
    for index in range(count):
        verb = COMPLETED if index == count - 1 else PROGRESSED
        result = {"extensions": {TIME_EXTENSION: float(index)}} if verb == PROGRESSED else None
        ids.append(record(store, profile_id, build(actor, verb, ACTIVITY + lesson, result=result)))
    return ids


def server_statement_ids(server: RunningServer) -> list[str]:
    rows = server.storage.connection().execute("SELECT id FROM statements ORDER BY seq")
    return [str(row[0]) for row in rows]
