"""The lesson page: one lesson of an installed course (video, text or quiz), with
previous/next navigation, recording what the learner does as statements."""

import functools
import logging
from collections.abc import Callable
from typing import Any, Final

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import progress
from app.catalogue import Lesson
from app.store import Store
from ui.player import lesson_content
from ui.player.lesson_content import LessonContent
from ui.player.quiz_view import QuizView
from ui.player.text_view import TextLessonView
from ui.player.video import VideoPlayer

log = logging.getLogger(__name__)
# Positions closer than this to the last one saved are not worth another statement.
SAVE_GRANULARITY_S: Final = 0.5
Event = Callable[[Store, int, Lesson], str]


class LessonPage(QWidget):
    """Shows one lesson at a time.

    Signals:
        closed(): the learner went back (Back button, Esc, Alt+Left).
        opened(str, str): a lesson (course id, lesson id) is now showing.
        recorded(str): a learning statement was stored; its verb ("progressed", "completed"…).
    """

    closed = Signal()
    opened = Signal(str, str)
    recorded = Signal(str)

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.content: LessonContent | None = None
        self._profile_id = 0
        self._request = 0
        self._last_saved = -1.0
        self._video: VideoPlayer | None = None  # made on first use: it loads libVLC
        self.back_button = QPushButton()
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setProperty("role", "muted")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_view = TextLessonView()
        self.quiz_view = QuizView()
        self.stack = QStackedWidget()
        for widget in (self.message, self.text_view, self.quiz_view):
            self.stack.addWidget(widget)
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self._lay_out()
        self._connect()
        self.retranslate()

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.previous_button)
        footer.addStretch(1)
        footer.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        layout.addLayout(footer)

    def _connect(self) -> None:
        self.back_button.clicked.connect(self.go_back)
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.text_view.done_requested.connect(
            lambda: self._record(progress.complete_lesson, "completed")
        )
        self.text_view.scale_changed.connect(lambda scale: self._remember("reading_scale", scale))
        self.quiz_view.answered.connect(self._record_answer)
        self.quiz_view.finished.connect(self._record_quiz)
        self.context.language_changed.connect(self._language_changed)
        self.context.profile_changed.connect(self._profile_changed)

    # -- public API ------------------------------------------------------------------

    def open_lesson(self, course_id: str, lesson_id: str, position: float = 0.0) -> None:
        """Show a lesson; a video starts at ``position`` seconds, or where it was left (0)."""
        self.save_state()
        if self._video is not None:
            self._video.stop()
        profile = self.context.profile
        self._request += 1
        request = self._request
        self.content = None
        self._show_message(self.tr("Opening the lesson…"))
        if profile is None:
            self._show_message(self.tr("Choose a learner before opening a lesson."))
            return
        self._profile_id = profile.id

        def work(store: Store, _cancel: object) -> LessonContent:
            content = lesson_content.load(store, course_id, lesson_id, profile.id)
            progress.open_lesson(store, profile.id, content.lesson)
            return content

        self.context.tasks.db(
            work,
            lambda content: self._loaded(request, content, position),
            lambda error: self._failed(request, error),
        )

    def save_state(self) -> None:
        """Pause the video and record its position now, on this thread (before the learner
        changes, the app quits or another page shows)."""
        video, content = self._video, self.content
        if video is None or content is None or content.kind != "video" or not video.duration():
            return
        video.pause()
        position, duration = video.position(), video.duration()
        if abs(position - self._last_saved) < SAVE_GRANULARITY_S:
            return
        self._last_saved = position
        with Store(self.context.paths, check=False) as store:
            progress.save_position(store, self._profile_id, content.lesson, position, duration)
        self.recorded.emit("progressed")

    def go_back(self) -> None:
        self.save_state()
        if self._video is not None:
            self._video.stop()
            if self._video.is_fullscreen():
                self._video.toggle_fullscreen()
        self.closed.emit()

    def video(self) -> VideoPlayer:
        """The video player (made on first use)."""
        if self._video is None:
            self._video = VideoPlayer()
            self._video.checkpoint.connect(self._save_checkpoint)
            self._video.finished.connect(self._video_finished)
            controls = self._video.controls
            controls.rate_changed.connect(lambda rate: self._remember("playback_rate", rate))
            controls.subtitles_toggled.connect(lambda on: self._remember("subtitles", on))
            self.stack.addWidget(self._video)
        return self._video

    # -- showing -----------------------------------------------------------------------

    def _loaded(self, request: int, content: LessonContent, position: float) -> None:
        if request != self._request:
            return  # the learner already asked for another lesson
        self.content = content
        self._last_saved = -1.0
        self._show_titles()
        profile = self.context.profile
        if content.kind == "video":
            video = self.video()
            self.stack.setCurrentWidget(video)
            video.load(
                content.file, content.subtitles,
                start=position or content.progress.position,
                rate=float(profile.setting("playback_rate")),
                subtitles_on=bool(profile.setting("subtitles")),
            )
        elif content.kind == "text":
            self.stack.setCurrentWidget(self.text_view)
            self.text_view.show_lesson(
                content.text, content.file, content.folder,
                scale=float(profile.setting("reading_scale")),
                completed=content.progress.completed,
            )
        elif content.quiz is not None:
            self.stack.setCurrentWidget(self.quiz_view)
            self.quiz_view.start(content.quiz, self.context.content_language,
                                 content.quiz_answers)
        self.opened.emit(content.course.id, content.lesson.id)

    def _failed(self, request: int, error: Exception) -> None:
        if request != self._request:
            return
        log.warning("cannot open lesson: %s", error)
        self._show_message(self.tr("This lesson cannot be opened.") + "\n" + str(error))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self.title.clear()
        self.subtitle.clear()
        self.previous_button.hide()
        self.next_button.hide()

    def _show_titles(self) -> None:
        content = self.content
        if content is None:
            return
        language = self.context.content_language
        lessons = content.course.lessons
        index = content.index
        self.title.setText(content.lesson.title(language))
        self.subtitle.setText(
            self.tr("%1 · lesson %2 of %3").replace("%1", content.course.title(language))
            .replace("%2", str(index + 1)).replace("%3", str(len(lessons)))
        )
        for button, step, text in ((self.previous_button, -1, self.tr("‹ Previous: %1")),
                                   (self.next_button, 1, self.tr("Next: %1 ›"))):
            target = index + step
            button.setVisible(0 <= target < len(lessons))
            if 0 <= target < len(lessons):
                button.setText(text.replace("%1", lessons[target].title(language)))

    def _step(self, step: int) -> None:
        content = self.content
        if content is None:
            return
        target = content.index + step
        if 0 <= target < len(content.course.lessons):
            self.open_lesson(content.course.id, content.course.lessons[target].id)

    # -- recording ---------------------------------------------------------------------

    def _record(self, event: Event, verb: str) -> None:
        content, profile_id = self.content, self._profile_id
        if content is None:
            return
        lesson = content.lesson
        self.context.tasks.db(
            lambda store, _cancel: event(store, profile_id, lesson),
            lambda _statement_id: self.recorded.emit(verb),
        )

    def _save_checkpoint(self, position: float, duration: float) -> None:
        if abs(position - self._last_saved) < SAVE_GRANULARITY_S:
            return
        self._last_saved = position
        save = functools.partial(_save_position, position=position, duration=duration)
        self._record(save, "progressed")

    def _video_finished(self, duration: float) -> None:
        self._last_saved = duration
        self._record(functools.partial(_save_position, position=duration, duration=duration),
                     "progressed")
        self._record(progress.complete_lesson, "completed")

    def _record_answer(self, question_id: str, response: str, correct: bool) -> None:
        def answer(store: Store, profile_id: int, lesson: Lesson) -> str:
            return progress.answer_question(store, profile_id, lesson, question_id, response,
                                            correct)

        self._record(answer, "answered")

    def _record_quiz(self, score: float, passed: bool) -> None:
        def finish(store: Store, profile_id: int, lesson: Lesson) -> str:
            return progress.finish_quiz(store, profile_id, lesson, score, passed)

        self._record(finish, "passed" if passed else "failed")

    # -- context, keyboard, language -----------------------------------------------

    def _remember(self, key: str, value: object) -> None:
        """A speed, subtitle or text size choice becomes the learner's default (loading a
        lesson sets the controls to the saved value too: that is not a new choice)."""
        profile = self.context.profile
        if profile is not None and profile.id == self._profile_id and (
            profile.setting(key) != value
        ):
            self.context.set_setting(key, value)

    def _profile_changed(self, profile: Any) -> None:
        if self.content is not None and profile.id != self._profile_id:
            self.save_state()  # still the previous learner's position
            if self._video is not None:
                self._video.stop()

    def _language_changed(self, _language: str) -> None:
        self._show_titles()
        self.quiz_view.set_language(self.context.content_language)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape and self._video is not None and self._video.is_fullscreen():
            self._video.toggle_fullscreen()
        elif key == Qt.Key.Key_Escape or (
            key == Qt.Key.Key_Left and modifiers == Qt.KeyboardModifier.AltModifier
        ):
            self.go_back()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← Back"))
        self.back_button.setToolTip(self.tr("Back to the course (Esc)"))
        self._show_titles()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _save_position(
    store: Store, profile_id: int, lesson: Lesson, *, position: float, duration: float
) -> str:
    return progress.save_position(store, profile_id, lesson, position, duration)
