"""Shared set-up of the lesson player tests: a really installed course, a learner, the
app context, and a look at the statements they recorded."""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app import catalogue, profiles
from app.package_build import build_package
from app.packages import import_package
from app.paths import DataPaths
from app.profiles import Profile
from app.statements import VERB_NAMES
from app.store import Store
from resources.demo.generator import DemoCourse, demo_courses
from ui.context import AppContext
from ui.i18n import Translations
from ui.player.lesson_page import LessonPage

CLIPS = Path(__file__).resolve().parent.parent / "resources" / "demo" / "clips"
ACTIVITY = "https://lifelong.example.org/xapi/activities"


def install(store: Store, folder: Path, course_id: str, lessons: list[dict[str, Any]],
            files: dict[str, bytes | Path]) -> None:
    """Build a package of ``lessons`` and ``files``, import it and catalogue it."""
    info = build_package(folder / f"{course_id}.zip", course_id=course_id, version=1,
                         title={"zh": "测试课程", "en": "Test course"}, lessons=lessons,
                         files=files)
    import_package(store, info.path)
    record = {
        "id": course_id, "activity_id": f"{ACTIVITY}/course/{course_id}", "version": 1,
        "section": "scientific_literacy", "facets": {}, "title": {"zh": "测试课程"},
        "lessons": [{"id": lesson["id"], "kind": lesson["kind"], "title": lesson["title"],
                     "activity_id": f"{ACTIVITY}/lesson/{lesson['id']}"} for lesson in lessons],
    }
    with store.transaction() as conn:
        catalogue.apply_records(conn, [record])


def install_demo(store: Store, folder: Path) -> DemoCourse:
    """The first demo course (video, text, quiz), installed and catalogued."""
    course = demo_courses()[0]
    info = build_package(folder / course.package_name, course_id=course.id,
                         version=course.version, title=course.title,
                         lessons=list(course.lessons), files=course.files)
    import_package(store, info.path)
    package = {"url": "/packages/x.zip", "size": info.size, "sha256": info.sha256}
    with store.transaction() as conn:
        catalogue.apply_records(conn, [course.record(package)])
    return course


def learner(store: Store, **settings: Any) -> Profile:
    with store.transaction() as conn:
        profile = profiles.create(conn, "李华")
        for key, value in settings.items():
            profiles.set_setting(conn, profile.id, key, value)
        return profiles.get(conn, profile.id)


def verbs(store: Store, profile_id: int) -> list[str]:
    rows = store.conn.execute(
        "SELECT verb FROM statements WHERE profile_id = ? ORDER BY timestamp, rowid",
        (profile_id,),
    )
    return [VERB_NAMES[row[0]] for row in rows]


def statements(store: Store, profile_id: int, verb: str) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT json FROM statements WHERE profile_id = ? AND verb LIKE ? "
        "ORDER BY timestamp, rowid",
        (profile_id, f"%/{verb}"),
    )
    return [json.loads(row[0]) for row in rows]


@pytest.fixture
def context(paths: DataPaths, tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext(paths, Translations(tmp_path / "no-translations"))
    yield context
    context.tasks.shutdown()


def open_page(qtbot: QtBot, context: AppContext, profile: Profile, course_id: str,
              lesson_id: str, position: float = 0.0) -> LessonPage:
    """A shown lesson page for ``profile`` with the lesson open."""
    context.set_profile(profile, language="en")
    page = LessonPage(context)
    qtbot.addWidget(page)
    page.resize(900, 650)
    page.show()
    with qtbot.waitSignal(page.opened, timeout=10_000):
        page.open_lesson(course_id, lesson_id, position)
    return page
