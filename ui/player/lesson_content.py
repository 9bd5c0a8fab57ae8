"""What a lesson page needs to show one lesson, read on the database worker (no Qt here)."""

from dataclasses import dataclass, field
from pathlib import Path

from app import catalogue, packages, progress
from app import quiz as quizzes
from app.catalogue import Course, Lesson
from app.errors import NotFoundError
from app.progress import LessonProgress, quiz_answers_in_progress
from app.quiz import Quiz
from app.store import Store


@dataclass(frozen=True)
class LessonContent:
    """One lesson of an installed course, its files resolved inside the course folder."""

    course: Course
    lesson: Lesson
    kind: str  # as the installed package says: its files are what is shown
    folder: Path
    file: Path
    subtitles: Path | None
    text: str
    quiz: Quiz | None
    progress: LessonProgress
    quiz_answers: dict[str, list[int | bool]] = field(default_factory=dict)  # left half-way

    @property
    def index(self) -> int:
        return next(i for i, known in enumerate(self.course.lessons) if known.id == self.lesson.id)


def load(store: Store, course_id: str, lesson_id: str, profile_id: int) -> LessonContent:
    """Read the lesson and its file; raise ``NotFoundError`` / ``PackageError`` / ``OSError``."""
    course = catalogue.get_course(store.conn, course_id)
    lesson = next((known for known in course.lessons if known.id == lesson_id), None)
    if lesson is None:
        raise NotFoundError(f"No lesson {lesson_id!r} in course {course_id!r}.")
    installed = next((c for c in packages.installed_courses(store) if c.course_id == course_id),
                     None)
    if installed is None:
        raise NotFoundError(f"Course {course_id!r} is not downloaded on this computer.")
    entry = next((e for e in installed.manifest["lessons"] if e["id"] == lesson_id), None)
    if entry is None:
        raise NotFoundError(f"The installed package of {course_id!r} has no lesson {lesson_id!r}.")
    file = packages.lesson_path(store, course_id, entry["file"])
    subtitles = (
        packages.lesson_path(store, course_id, entry["subtitles"])
        if entry.get("subtitles") else None
    )
    kind = str(entry["kind"])
    text = file.read_text(encoding="utf-8") if kind == "text" else ""
    quiz = quizzes.load(file) if kind == "quiz" else None
    state = progress.lesson_progress(store.conn, profile_id, lesson.activity_id)
    answers = (
        quiz_answers_in_progress(store.conn, profile_id, lesson.activity_id, quiz) if quiz else {}
    )
    return LessonContent(course, lesson, kind, installed.folder, file, subtitles, text, quiz, state,
                         answers)
