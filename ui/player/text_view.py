"""Text lessons: Markdown rendered by Qt, with images from the course folder only."""

from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

MIN_SCALE: Final = 0.8
MAX_SCALE: Final = 3.0
SCALE_STEP: Final = 0.1
# Reading text is a little larger than the interface's at scale 1.
READING_SIZE: Final = 1.25
# GitHub-flavoured Markdown without raw HTML: a lesson is text and pictures, nothing else.
_FEATURES: Final = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)


def clamp_scale(scale: float) -> float:
    return round(min(MAX_SCALE, max(MIN_SCALE, scale)), 2)


class LessonBrowser(QTextBrowser):
    """Shows one Markdown lesson. Loads nothing from the network or from outside the
    course folder, and follows no link except anchors within the lesson."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow)
        self._lesson_folder: Path | None = None
        self._course_folder: Path | None = None
        self.refused: list[str] = []  # resources asked for and refused (shown in logs, tests)

    def show_markdown(self, markdown: str, lesson_file: Path, course_folder: Path) -> None:
        self._lesson_folder = lesson_file.parent.resolve()
        self._course_folder = course_folder.resolve()
        self.refused = []
        self.document().clear()
        self.document().setMarkdown(markdown, _FEATURES)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        url = QUrl(name)
        path = self.resolve(url)
        if path is None or kind != QTextDocument.ResourceType.ImageResource.value:
            self.refused.append(url.toString())
            return None
        image = QImage(str(path))
        width = self.viewport().width() - 2 * int(self.document().documentMargin())
        if width > 0 and image.width() > width:
            image = image.scaledToWidth(width)
        return image

    def resolve(self, url: QUrl) -> Path | None:
        """The file ``url`` names inside the course folder, or None when it is elsewhere."""
        if self._lesson_folder is None or self._course_folder is None:
            return None
        if url.scheme() == "file":
            candidate = Path(url.toLocalFile())
        elif not url.scheme() and not url.host() and url.path():
            candidate = self._lesson_folder / url.path()
        else:
            return None  # http, https, data, qrc… : never
        resolved = candidate.resolve()
        if resolved.is_relative_to(self._course_folder) and resolved.is_file():
            return resolved
        return None

    def _follow(self, url: QUrl) -> None:
        if url.hasFragment() and not url.path() and not url.scheme():
            self.scrollToAnchor(url.fragment())


class TextLessonView(QWidget):
    """A reading lesson with text size buttons and "Mark as done".

    Signals:
        done_requested(): the learner marked the lesson as done.
        scale_changed(float): the text size factor changed.
    """

    done_requested = Signal()
    scale_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scale = 1.0
        self._completed = False
        self.browser = LessonBrowser()
        self.smaller = QPushButton()
        self.larger = QPushButton()
        self.scale_label = QLabel()
        self.done_button = QPushButton()
        self.done_button.setProperty("role", "primary")
        self.smaller.clicked.connect(lambda: self.set_scale(self._scale - SCALE_STEP))
        self.larger.clicked.connect(lambda: self.set_scale(self._scale + SCALE_STEP))
        self.done_button.clicked.connect(self._mark_done)
        bar = QHBoxLayout()
        for widget in (self.smaller, self.scale_label, self.larger):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addLayout(bar)
        self.retranslate()

    def show_lesson(
        self, markdown: str, lesson_file: Path, course_folder: Path, *,
        scale: float = 1.0, completed: bool = False,
    ) -> None:
        self._scale = clamp_scale(scale)
        self._apply_font()
        self.browser.show_markdown(markdown, lesson_file, course_folder)
        self.set_completed(completed)
        self.browser.setFocus()

    def set_scale(self, scale: float) -> None:
        scale = clamp_scale(scale)
        if scale == self._scale:
            return
        self._scale = scale
        self._apply_font()
        self.scale_changed.emit(scale)

    def scale(self) -> float:
        return self._scale

    def set_completed(self, completed: bool) -> None:
        self._completed = completed
        self.done_button.setEnabled(not completed)
        self.retranslate()

    def _mark_done(self) -> None:
        self.set_completed(True)
        self.done_requested.emit()

    def _apply_font(self) -> None:
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * READING_SIZE * self._scale)
        self.browser.document().setDefaultFont(font)
        self.smaller.setEnabled(self._scale > MIN_SCALE)
        self.larger.setEnabled(self._scale < MAX_SCALE)
        self.scale_label.setText(f"{round(self._scale * 100)}%")

    def retranslate(self) -> None:
        self.smaller.setText(self.tr("A−"))
        self.smaller.setToolTip(self.tr("Smaller text"))
        self.larger.setText(self.tr("A+"))
        self.larger.setToolTip(self.tr("Larger text"))
        for button in (self.smaller, self.larger):
            button.setAccessibleName(button.toolTip())  # "A−" says nothing aloud
        self.done_button.setText(self.tr("Done ✓") if self._completed else self.tr("Mark as done"))

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate()
        elif kind == QEvent.Type.FontChange:
            self._apply_font()
        super().changeEvent(event)
