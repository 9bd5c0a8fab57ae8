"""The demo catalogue: 60 real courses, their packages and their catalogue records.

Everything is deterministic: the same code gives the same courses, packages and hashes.
The three video clips (``clips/``, made by ``build/make_clips.sh``) are shared by all
courses; see :mod:`resources.demo.synthetic` for metadata-only catalogues at scale.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Final

from app.packages import build_package
from resources.demo.lesson_texts import (
    IMAGE_PATH,
    key_points_markdown,
    quiz_document,
    quiz_json,
    review_markdown,
)
from resources.demo.png import bar_chart_png
from resources.demo.records import ACTIVITY_BASE, course_record, updated_at
from resources.demo.synthetic import synthetic_records
from resources.demo.texts import SECTIONS, CourseText, SectionText, as_texts

__all__ = [
    "ACTIVITY_BASE",
    "CLIPS_DIR",
    "CLIP_SECONDS",
    "DemoCourse",
    "build_demo",
    "demo_courses",
    "synthetic_records",
]

CLIPS_DIR: Final = Path(__file__).resolve().parent / "clips"
# Lengths of the clips as build/make_clips.sh makes them.
CLIP_SECONDS: Final = {"science": 4, "skills": 4, "wellness": 5}
# Lesson kinds in study order; courses take these plans in turn.
PLANS: Final = (
    ("video", "text", "quiz"),
    ("video", "text", "text", "quiz"),
    ("text", "video", "text", "video", "quiz"),
    ("video", "text", "video", "quiz"),
    ("text", "video", "quiz"),
)
# Minutes between two demo courses' ``updated`` times, so the feed has a stable order.
UPDATE_SPACING: Final = 53


@dataclass(frozen=True)
class DemoCourse:
    """A demo course: its catalogue metadata, manifest lessons and package files."""

    id: str
    version: int
    section: str
    horizontal: tuple[str, ...]
    vertical: tuple[str, ...]
    title: dict[str, str]
    summary: dict[str, str]
    tags: tuple[str, ...]
    lessons: tuple[dict[str, Any], ...]
    files: dict[str, bytes]
    updated: str

    @property
    def package_name(self) -> str:
        return f"{self.id}-v{self.version}.zip"

    def record(self, package: dict[str, Any], activity_base: str = ACTIVITY_BASE) -> dict[str, Any]:
        """The catalogue record of this course, whose package is described by ``package``."""
        return course_record(
            course_id=self.id, version=self.version, section=self.section,
            facets=(self.horizontal, self.vertical), title=self.title, summary=self.summary,
            tags=self.tags, package=package, lessons=self.lessons, updated=self.updated,
            activity_base=activity_base,
        )


@cache
def clip_bytes(name: str) -> bytes:
    """The contents of clip ``name`` (read once, shared by every course that shows it)."""
    return (CLIPS_DIR / f"{name}.mp4").read_bytes()


@cache
def subtitle_bytes(name: str) -> bytes:
    return (CLIPS_DIR / f"{name}.srt").read_bytes()


@dataclass
class _CourseBuilder:
    """Collects one course's lessons and files while its plan is walked."""

    course_id: str
    section: SectionText
    text: CourseText
    neighbours: tuple[CourseText, CourseText]
    position: int
    image: bytes
    videos: int = 0
    texts: int = 0
    lessons: list[dict[str, Any]] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)

    def _add(self, kind: str) -> None:
        number = len(self.lessons) + 1
        stem = f"lessons/{number:02d}"
        makers: dict[str, Callable[[str], dict[str, Any]]] = {
            "video": self._video, "text": self._text, "quiz": self._quiz,
        }
        lesson = {"id": f"{self.course_id}-{number:02d}", "kind": kind}
        lesson.update(makers[kind](stem))
        self.lessons.append(lesson)

    def _video(self, stem: str) -> dict[str, Any]:
        clip = self.section.clips[self.videos % len(self.section.clips)]
        self.videos += 1
        zh, en = self.text.title
        title = (f"导读：{zh}", f"Introduction: {en}") if self.videos == 1 else (
            "要点演示", "The key points in action")
        self.files[f"{stem}.mp4"] = clip_bytes(clip)
        self.files[f"{stem}.srt"] = subtitle_bytes(clip)
        return {"title": as_texts(title), "file": f"{stem}.mp4", "subtitles": f"{stem}.srt",
                "duration": CLIP_SECONDS[clip]}

    def _text(self, stem: str) -> dict[str, Any]:
        self.texts += 1
        if self.texts == 1:
            self.files[IMAGE_PATH] = self.image
            body = key_points_markdown(self.text, image=f"../{IMAGE_PATH}")
            title = ("三个要点", "Three key points")
        else:
            body = review_markdown(self.text, self.section.practice)
            title = ("练习与小结", "Practice and review")
        self.files[f"{stem}.md"] = body.encode()
        return {"title": as_texts(title), "file": f"{stem}.md"}

    def _quiz(self, stem: str) -> dict[str, Any]:
        before, after = self.neighbours
        document = quiz_document(self.text, before, after, shift=self.position,
                                 long=self.position % 2 == 0)
        self.files[f"{stem}.quiz.json"] = quiz_json(document)
        return {"title": as_texts(("小测验", "Quiz")), "file": f"{stem}.quiz.json"}

    def course(self) -> DemoCourse:
        for kind in PLANS[self.position % len(PLANS)]:
            self._add(kind)
        return DemoCourse(
            id=self.course_id,
            version=2 if self.position % 4 == 3 else 1,
            section=self.section.code,
            horizontal=self.text.horizontal,
            vertical=self.text.vertical,
            title=as_texts(self.text.title),
            summary=as_texts(self.text.summary),
            tags=self.text.tags,
            lessons=tuple(self.lessons),
            files=self.files,
            updated=updated_at(self.position * UPDATE_SPACING),
        )


def demo_courses() -> list[DemoCourse]:
    """The demo catalogue's courses, section by section (ten in each of the six)."""
    courses: list[DemoCourse] = []
    for section in SECTIONS:
        image = bar_chart_png(section.colour, (45, 70, 95))
        count = len(section.courses)
        for index, text in enumerate(section.courses):
            neighbours = (section.courses[index - 1], section.courses[(index + 1) % count])
            builder = _CourseBuilder(f"{section.prefix}-{index + 1:04d}", section, text,
                                     neighbours, len(courses), image)
            courses.append(builder.course())
    return courses


def build_demo(
    out_dir: Path,
    *,
    url_prefix: str = "/packages/",
    activity_base: str = ACTIVITY_BASE,
) -> list[dict[str, Any]]:
    """Write every demo course's package into ``out_dir``; return their catalogue records."""
    out_dir.mkdir(parents=True, exist_ok=True)
    records = []
    for course in demo_courses():
        info = build_package(
            out_dir / course.package_name, course_id=course.id, version=course.version,
            title=course.title, lessons=list(course.lessons), files=course.files,
        )
        package = {"url": url_prefix + course.package_name, "size": info.size,
                   "sha256": info.sha256}
        records.append(course.record(package, activity_base))
    return records
