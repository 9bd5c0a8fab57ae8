"""The main window: a navigation rail, the screens in a stack, the status bar.

Keyboard: Ctrl+1…4 pick a screen, Ctrl+F searches, Alt+Left (or Backspace outside text
fields) goes back.
"""

import logging
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.browse import BrowsePage
from ui.context import AppContext
from ui.course_page import CoursePage
from ui.downloads_page import DownloadsPage
from ui.home import HomePage
from ui.profiles.session import Session
from ui.settings_page import SettingsPage
from ui.status_bar import StatusBar

log = logging.getLogger(__name__)


class LessonView(Protocol):
    """What the main window needs of the lesson player (``ui.player.lesson_page``)."""

    def open_lesson(self, course_id: str, lesson_id: str, position: float = 0.0) -> None: ...

    def save_state(self) -> None: ...


def make_lesson_page(context: AppContext) -> QWidget | None:
    """The lesson player, or None while it is not available (the one guarded import)."""
    try:
        from ui.player.lesson_page import LessonPage
    except ImportError as error:
        log.warning("the lesson player is not available: %s", error)
        return None
    return LessonPage(context)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.home = HomePage(context)
        self.browse = BrowsePage(context)
        self.downloads = DownloadsPage(context)
        self.settings = SettingsPage(context)
        self.course = CoursePage(context)
        self.lesson: QWidget | None = None  # made on first use: the player imports a lot
        self.rail_pages: list[QWidget] = [self.home, self.browse, self.downloads, self.settings]
        self.stack = QStackedWidget()
        for page in [*self.rail_pages, self.course]:
            self.stack.addWidget(page)
        self.rail = QListWidget()
        self.rail.setObjectName("navigation")
        self.rail.addItems([""] * len(self.rail_pages))
        self.back = QPushButton()
        self.history: list[QWidget] = []
        self.session = Session(self)
        self._layout()
        self.session.install()
        self._connect()
        self.setStatusBar(StatusBar(context))
        self.rail.setCurrentRow(0)
        self.back.setVisible(False)
        self.retranslate()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addStretch()
        top.addWidget(self.session.switch_button)
        content = QVBoxLayout()
        content.addLayout(top)
        content.addWidget(self.stack, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rail)
        row.addLayout(content, 1)
        self.setCentralWidget(central)

    def _connect(self) -> None:
        self.rail.currentRowChanged.connect(self._rail_changed)
        self.back.clicked.connect(self.go_back)
        self.context.course_requested.connect(self.show_course)
        self.context.lesson_requested.connect(self.show_lesson)
        self.context.section_requested.connect(lambda _section: self.show_page(self.browse))
        self.context.language_changed.connect(self.retranslate)
        self.context.font_changed.connect(lambda _large: self._fit_rail())
        self.context.tasks.failed.connect(self._environment_error)
        for number in range(len(self.rail_pages)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            shortcut.activated.connect(lambda n=number: self.rail.setCurrentRow(n))
        QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(self._search)
        QShortcut(QKeySequence("Alt+Left"), self).activated.connect(self.go_back)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lifelong Learning"))
        names = [self.tr("Home"), self.tr("Browse"), self.tr("Downloads"), self.tr("Settings")]
        for number, name in enumerate(names):
            item = self.rail.item(number)
            if item is not None:
                item.setText(name)
        self.back.setText(self.tr("← Back"))
        self._fit_rail()

    def _fit_rail(self) -> None:
        metrics = self.rail.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.rail.item(n).text())
                     for n in range(self.rail.count()))
        self.rail.setFixedWidth(widest + metrics.height() * 3)

    # -- navigation ------------------------------------------------------------------

    def show_page(self, page: QWidget, *, remember: bool = True) -> None:
        current = self.stack.currentWidget()
        if page is current:
            return
        if current is self.lesson and self.lesson is not None:
            self.lesson.save_state()  # type: ignore[attr-defined]
        if remember and current is not None:
            self.history.append(current)
        self.stack.setCurrentWidget(page)
        self.rail.blockSignals(True)
        if page in self.rail_pages:
            self.rail.setCurrentRow(self.rail_pages.index(page))
        else:
            self.rail.clearSelection()
        self.rail.blockSignals(False)
        self.back.setVisible(bool(self.history) and page not in self.rail_pages)

    def _rail_changed(self, row: int) -> None:
        if 0 <= row < len(self.rail_pages):
            self.show_page(self.rail_pages[row])

    def go_back(self) -> None:
        if self.history:
            self.show_page(self.history.pop(), remember=False)

    def show_course(self, course_id: str) -> None:
        if self.course.course_id != course_id or self.stack.currentWidget() is not self.course:
            self.course.show_course(course_id)
        self.show_page(self.course)

    def _lesson_page(self) -> QWidget | None:
        if self.lesson is None:
            self.lesson = make_lesson_page(self.context)
            if self.lesson is not None:
                self.stack.addWidget(self.lesson)
                self.lesson.closed.connect(self.go_back)  # type: ignore[attr-defined]
        return self.lesson

    def show_lesson(self, course_id: str, lesson_id: str, position: float) -> None:
        page = self._lesson_page()
        if page is None:
            QMessageBox.information(
                self, self.tr("Lesson"), self.tr("The lesson player is not installed.")
            )
            return
        page.open_lesson(course_id, lesson_id, position)  # type: ignore[attr-defined]
        self.show_page(page)

    def _search(self) -> None:
        self.show_page(self.browse)
        self.browse.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.browse.search.selectAll()

    def keyPressEvent(self, event: object) -> None:
        key = getattr(event, "key", lambda: None)()
        if key == Qt.Key.Key_Backspace and self.history:
            self.go_back()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def _environment_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Lifelong Learning"), message)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.lesson is not None:
            self.lesson.save_state()  # type: ignore[attr-defined]
        super().closeEvent(event)
