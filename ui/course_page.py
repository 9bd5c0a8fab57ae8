"""The course page: summary, facets, size, lessons with progress, download controls."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.facets import DIMENSIONS, SECTIONS, label
from ui.context import AppContext
from ui.course_model import format_size
from ui.errors import environment_message
from ui.home import format_position

if TYPE_CHECKING:
    from app.catalogue import Course, Lesson
    from app.progress import LessonProgress
    from app.store import Store
    from ui.services import DownloadItem


@dataclass(frozen=True)
class CourseData:
    course: "Course"
    installed_version: int | None
    progress: dict[str, "LessonProgress"]


def _load(course_id: str, profile_id: int) -> Callable[["Store", object], CourseData]:
    def work(store: "Store", _cancel: object) -> CourseData:
        from app.catalogue import get_course
        from app.packages import installed_version
        from app.progress import course_progress

        return CourseData(
            get_course(store.conn, course_id),
            installed_version(store, course_id),
            course_progress(store.conn, profile_id, course_id),
        )

    return work


def format_rate(rate_bps: float) -> str:
    return f"{format_size(int(rate_bps))}/s"


def format_duration(seconds: float) -> str:
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else format_position(whole)


class CoursePage(QWidget):
    """One course. Buttons show what can be done now: download, pause, resume, cancel,
    retry, remove, open."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.course_id = ""
        self.data: CourseData | None = None
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.update_badge = QLabel()
        self.update_badge.setProperty("role", "badge")
        self.facts = QLabel()
        self.facts.setProperty("role", "muted")
        self.facts.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = {
            name: QPushButton()
            for name in ("download", "pause", "resume", "cancel", "retry", "remove", "start")
        }
        for name in ("download", "start"):
            self.buttons[name].setProperty("role", "primary")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.transfer = QLabel()
        self.notice = QLabel()
        self.notice.setProperty("role", "muted")
        self.lessons_heading = QLabel()
        self.lessons_heading.setProperty("role", "heading")
        self.lessons = QTreeWidget()
        self.lessons.setRootIsDecorated(False)
        self.lessons.setUniformRowHeights(True)
        self._layout()
        self._connect()
        self.retranslate()

    def _layout(self) -> None:
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.update_badge, 0, Qt.AlignmentFlag.AlignTop)
        actions = QHBoxLayout()
        for button in self.buttons.values():
            actions.addWidget(button)
        actions.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.transfer)
        layout.addWidget(self.notice)
        layout.addWidget(self.lessons_heading)
        layout.addWidget(self.lessons, 1)

    def _connect(self) -> None:
        self.buttons["download"].clicked.connect(lambda: self._download("start"))
        self.buttons["pause"].clicked.connect(lambda: self._download("pause"))
        self.buttons["resume"].clicked.connect(lambda: self._download("resume"))
        self.buttons["cancel"].clicked.connect(lambda: self._download("cancel"))
        self.buttons["retry"].clicked.connect(lambda: self._download("retry"))
        self.buttons["remove"].clicked.connect(self._confirm_remove)
        self.buttons["start"].clicked.connect(self._start_learning)
        self.lessons.itemActivated.connect(self._open_lesson)
        self.context.language_changed.connect(self.retranslate)
        self.context.library_changed.connect(self.reload)
        downloads = self.context.downloads
        if downloads is not None:
            downloads.changed.connect(self._show_state)
            downloads.progress.connect(self._show_progress)
            downloads.finished.connect(self._finished)

    def show_course(self, course_id: str) -> None:
        self.course_id = course_id
        self.data = None
        self.notice.clear()
        self.reload()

    def reload(self) -> None:
        profile = self.context.profile
        if not self.course_id or profile is None:
            return
        course_id = self.course_id

        def done(data: CourseData) -> None:
            if data.course.id == self.course_id:
                self.data = data
                self.retranslate()

        self.context.tasks.db(_load(course_id, profile.id), done, self._failed)

    def _failed(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("Course"), environment_message(error))

    # -- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        names = {
            "download": self.tr("Download"), "pause": self.tr("Pause"),
            "resume": self.tr("Resume"), "cancel": self.tr("Cancel download"),
            "retry": self.tr("Retry"), "remove": self.tr("Remove…"),
            "start": self.tr("Start learning"),
        }
        for name, button in self.buttons.items():
            button.setText(names[name])
        self.update_badge.setText(self.tr("Update available"))
        self.lessons_heading.setText(self.tr("Lessons"))
        self.lessons.setAccessibleName(self.tr("Lessons of this course"))
        self.lessons.setAccessibleDescription(self.tr("Press Enter to open the chosen lesson."))
        self.lessons.setHeaderLabels(
            [self.tr("Lesson"), self.tr("Kind"), self.tr("Duration"), self.tr("Progress")]
        )
        self._show_course()
        self._show_state()

    def _show_course(self) -> None:
        data, language = self.data, self.context.content_language
        if data is None:
            self.title.setText(self.tr("Loading…"))
            for widget in (self.facts, self.summary):
                widget.clear()
            self.lessons.clear()
            return
        course = data.course
        self.title.setText(course.title(language))
        facets = [
            label(DIMENSIONS[dimension], value, language)
            for dimension in ("horizontal", "vertical")
            for value in course.facets.get(dimension, ())
        ]
        size = self.tr("Download size: %1").replace("%1", format_size(course.package_size))
        self.facts.setText("  ·  ".join([label(SECTIONS, course.section, language), *facets,
                                         size]))
        self.summary.setText(course.summary(language))
        self._fill_lessons(course.lessons)

    def _fill_lessons(self, lessons: "tuple[Lesson, ...]") -> None:
        assert self.data is not None
        kinds = {"video": self.tr("Video"), "text": self.tr("Reading"), "quiz": self.tr("Quiz")}
        self.lessons.clear()
        for lesson in lessons:
            state = self.data.progress.get(lesson.id)
            item = QTreeWidgetItem([
                lesson.title(self.context.content_language),
                kinds.get(lesson.kind, lesson.kind),
                format_duration(lesson.duration) if lesson.duration else "",
                self._progress_text(state),
            ])
            item.setData(0, Qt.ItemDataRole.UserRole, lesson.id)
            self.lessons.addTopLevelItem(item)
        self.lessons.resizeColumnToContents(1)
        self.lessons.resizeColumnToContents(2)
        self.lessons.setColumnWidth(0, max(self.lessons.columnWidth(0), self.width() // 2))

    def _progress_text(self, state: "LessonProgress | None") -> str:
        if state is None or not state.status:
            return self.tr("Not started")
        if state.completed:
            return self.tr("Completed")
        return self.tr("%1% done").replace("%1", str(round(state.fraction * 100)))

    # -- download state ------------------------------------------------------------------

    def _item(self) -> "DownloadItem | None":
        downloads = self.context.downloads
        return downloads.item(self.course_id) if downloads and self.course_id else None

    def _show_state(self) -> None:
        data, item = self.data, self._item()
        installed = data is not None and data.installed_version is not None
        update = bool(
            data and installed and data.installed_version is not None
            and data.installed_version < data.course.version
        )
        state = item.state if item else ""
        active = state in ("queued", "downloading", "paused", "failed")
        visible = {
            "download": data is not None and (not installed or update) and not active,
            "pause": state in ("queued", "downloading"),
            "resume": state == "paused",
            "cancel": active,
            "retry": state == "failed",
            "remove": installed and not active,
            "start": installed,
        }
        for name, button in self.buttons.items():
            button.setVisible(visible[name])
        self.buttons["download"].setText(self.tr("Update") if update else self.tr("Download"))
        self.update_badge.setVisible(update)
        self.progress.setVisible(active)
        self.transfer.setVisible(active)
        if item is not None and active:
            self._show_progress(item.course_id, item.done, item.total, item.rate, item.eta)
            if state == "failed":
                self.transfer.setText(self.tr("Download failed: %1").replace("%1", item.error))
            elif state == "paused":
                self.transfer.setText(self.tr("Paused"))

    def _show_progress(self, course_id: str, done: int, total: int, rate: float,
                       eta: float) -> None:
        if course_id != self.course_id:
            return
        self.progress.setValue(int(1000 * done / total) if total else 0)
        text = self.tr("%1 of %2").replace("%1", format_size(done)).replace(
            "%2", format_size(total))
        if rate > 0:
            left = self.tr("%1 left").replace("%1", format_duration(eta))
            text = f"{text} · {format_rate(rate)} · {left}"
        self.transfer.setText(text)

    def _finished(self, course_id: str) -> None:
        if course_id == self.course_id:
            self.reload()

    def _download(self, action: str) -> None:
        downloads = self.context.downloads
        if downloads is None or not self.course_id:
            return
        getattr(downloads, action)(self.course_id)
        self._show_state()

    def _confirm_remove(self) -> None:
        if self.data is None:
            return
        course_id = self.course_id
        question = self.tr(
            "Remove “%1” from this computer? This frees %2. Progress is kept; "
            "you can download the course again."
        ).replace("%1", self.data.course.title(self.context.content_language)).replace(
            "%2", format_size(self.data.course.package_size))
        answer = QMessageBox.question(self, self.tr("Remove course"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def work(store: "Store", _cancel: object) -> int:
            from app.packages import remove_course

            return remove_course(store, course_id)

        def done(freed: int) -> None:
            self.notice.setText(self.tr("Removed; %1 freed.").replace("%1", format_size(freed)))
            self.context.library_changed.emit()

        self.context.tasks.db(work, done, self._failed)

    # -- lessons -------------------------------------------------------------------------

    def _open_lesson(self, item: QTreeWidgetItem) -> None:
        if self.data is None:
            return
        if self.data.installed_version is None:
            QMessageBox.information(
                self, self.tr("Course"), self.tr("Download the course first to open its lessons.")
            )
            return
        lesson_id = str(item.data(0, Qt.ItemDataRole.UserRole))
        state = self.data.progress.get(lesson_id)
        position = state.position if state and not state.completed else 0.0
        self.context.open_lesson(self.course_id, lesson_id, position)

    def _start_learning(self) -> None:
        """Open the first lesson not completed yet (or the first lesson)."""
        if self.data is None or not self.data.course.lessons:
            return
        lessons = self.data.course.lessons
        pending = [x for x in lessons if not (p := self.data.progress.get(x.id)) or not p.completed]
        lesson = (pending or list(lessons))[0]
        state = self.data.progress.get(lesson.id)
        self.context.open_lesson(self.course_id, lesson.id, state.position if state else 0.0)
