"""The main window: a navigation rail, the screens in a stack, the status bar.

Only the home screen is built before the window first shows; Browse, Downloads,
Settings and the course page are built on first use (each costs imports and widgets the
first paint does not need).

Keyboard: Ctrl+1…4 pick a screen, Ctrl+F searches, Alt+Left (or Backspace outside text
fields) goes back.
"""

import importlib
from typing import TYPE_CHECKING, Final, cast

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.home import HomePage
from ui.profiles.session import Session
from ui.status_bar import StatusBar

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from app.errors import DamagedDatabaseError
    from ui.browse import BrowsePage
    from ui.course_page import CoursePage
    from ui.damaged_library import DamagedLibrary
    from ui.downloads_page import DownloadsPage
    from ui.player.lesson_page import LessonPage
    from ui.settings_page import SettingsPage


# The screens built on first use: name -> (module, class), each class taking the context.
LAZY_PAGES: Final = {
    "browse": ("ui.browse", "BrowsePage"),
    "downloads": ("ui.downloads_page", "DownloadsPage"),
    "settings": ("ui.settings_page", "SettingsPage"),
    "course": ("ui.course_page", "CoursePage"),
}
RAIL_AFTER_HOME: Final = ("browse", "downloads", "settings")


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.home = HomePage(context)
        self.rail_home: QWidget = self.home  # the simple home replaces it in large type
        self.lesson: LessonPage | None = None  # made on first use: the player imports a lot
        self.damaged_library: DamagedLibrary | None = None  # made if the database is damaged
        self._pages: dict[str, QWidget] = {}
        self.stack = QStackedWidget()
        self.stack.addWidget(self.home)
        self.rail = QListWidget()
        self.rail.setObjectName("navigation")
        self.rail.addItems([""] * (1 + len(RAIL_AFTER_HOME)))
        self.back = QPushButton()
        self.history: list[QWidget] = []
        self.session = Session(self)
        self.session.install(self._shell())
        self._connect()
        self.setStatusBar(StatusBar(context))
        self.rail.setCurrentRow(0)
        self.back.setVisible(False)
        self.retranslate()

    def _shell(self) -> QWidget:
        """The rail, the back button and the screens, in one widget for the session."""
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addStretch()
        top.addWidget(self.session.switch_button)
        content = QVBoxLayout()
        content.addLayout(top)
        content.addWidget(self.stack, 1)
        shell = QWidget()
        row = QHBoxLayout(shell)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rail)
        row.addLayout(content, 1)
        return shell

    def _connect(self) -> None:
        self.rail.currentRowChanged.connect(self._rail_changed)
        self.back.clicked.connect(self.go_back)
        self.context.course_requested.connect(self.show_course)
        self.context.lesson_requested.connect(self.show_lesson)
        self.context.section_requested.connect(self._show_section)
        self.context.language_changed.connect(self.retranslate)
        self.context.font_changed.connect(lambda _large: self._fit_rail())
        self.context.tasks.failed.connect(self._environment_error)
        self.context.tasks.damaged.connect(self._library_damaged)
        for number in range(self.rail.count()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            shortcut.activated.connect(lambda n=number: self.rail.setCurrentRow(n))
        QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(self._search)
        QShortcut(QKeySequence("Alt+Left"), self).activated.connect(self.go_back)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lifelong Learning"))
        self.rail.setAccessibleName(self.tr("Screens"))
        self.rail.setAccessibleDescription(self.tr("Ctrl+1 to Ctrl+4 pick a screen"))
        names = [self.tr("Home"), self.tr("Browse"), self.tr("Downloads"), self.tr("Settings")]
        for number, name in enumerate(names):
            item = self.rail.item(number)
            if item is not None:
                item.setText(name)
        self.back.setText(self.tr("← Back"))
        self.back.setAccessibleName(self.tr("Back"))
        self._fit_rail()

    def _fit_rail(self) -> None:
        metrics = self.rail.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.rail.item(n).text())
                     for n in range(self.rail.count()))
        self.rail.setFixedWidth(widest + metrics.height() * 3)

    # -- screens built on first use ----------------------------------------------------

    def _page(self, name: str) -> QWidget:
        page = self._pages.get(name)
        if page is None:
            module, class_name = LAZY_PAGES[name]
            page = cast(QWidget, getattr(importlib.import_module(module), class_name)(self.context))
            self._pages[name] = page
            self.stack.addWidget(page)
        return page

    @property
    def browse(self) -> "BrowsePage":
        return cast("BrowsePage", self._page("browse"))

    @property
    def downloads(self) -> "DownloadsPage":
        return cast("DownloadsPage", self._page("downloads"))

    @property
    def settings(self) -> "SettingsPage":
        return cast("SettingsPage", self._page("settings"))

    @property
    def course(self) -> "CoursePage":
        return cast("CoursePage", self._page("course"))

    @property
    def rail_pages(self) -> list[QWidget]:
        """The screens of the rail in its order (building any not made yet)."""
        return [self.rail_home, *(self._page(name) for name in RAIL_AFTER_HOME)]

    def _rail_row(self, page: QWidget) -> int:
        """The rail row of ``page``, or -1 (without building any screen)."""
        if page is self.rail_home:
            return 0
        built = [self._pages.get(name) for name in RAIL_AFTER_HOME]
        return built.index(page) + 1 if page in built else -1

    # -- navigation ------------------------------------------------------------------

    def show_page(self, page: QWidget, *, remember: bool = True) -> None:
        current = self.stack.currentWidget()
        if page is current:
            return
        if current is self.lesson and self.lesson is not None:
            self.lesson.save_state()
        if remember and current is not None:
            self.history.append(current)
        self.stack.setCurrentWidget(page)
        row = self._rail_row(page)
        self.rail.blockSignals(True)
        if row >= 0:
            self.rail.setCurrentRow(row)
        else:
            self.rail.clearSelection()
        self.rail.blockSignals(False)
        self.back.setVisible(bool(self.history) and row < 0)

    def _rail_changed(self, row: int) -> None:
        if row == 0:
            self.show_page(self.rail_home)
        elif 0 < row <= len(RAIL_AFTER_HOME):
            self.show_page(self._page(RAIL_AFTER_HOME[row - 1]))

    def _show_section(self, section: str) -> None:
        # A browse screen built now missed this signal: tell it the section here.
        new = "browse" not in self._pages
        if new:
            self.browse.show_section(section)
        self.show_page(self.browse)

    def go_back(self) -> None:
        if self.history:
            self.show_page(self.history.pop(), remember=False)

    def show_course(self, course_id: str) -> None:
        course = self.course
        if course.course_id != course_id or self.stack.currentWidget() is not course:
            course.show_course(course_id)
        self.show_page(course)

    def _lesson_page(self) -> "LessonPage":
        if self.lesson is None:
            from ui.player.lesson_page import LessonPage

            self.lesson = LessonPage(self.context)
            self.stack.addWidget(self.lesson)
            self.lesson.closed.connect(self.go_back)
        return self.lesson

    def show_lesson(self, course_id: str, lesson_id: str, position: float) -> None:
        page = self._lesson_page()
        page.open_lesson(course_id, lesson_id, position)
        self.show_page(page)

    def _search(self) -> None:
        from PySide6.QtCore import Qt  # see keyPressEvent

        self.show_page(self.browse)
        self.browse.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.browse.search.selectAll()

    def keyPressEvent(self, event: object) -> None:
        # Touching the Qt namespace builds ~100 enum types (~40 ms): not before first paint.
        from PySide6.QtCore import Qt

        key = getattr(event, "key", lambda: None)()
        if key == Qt.Key.Key_Backspace and self.history:
            self.go_back()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def _library_damaged(self, error: "DamagedDatabaseError") -> None:
        from ui.damaged_library import DamagedLibrary

        if self.damaged_library is None:
            self.damaged_library = DamagedLibrary(self.context, self, self._library_replaced)
        self.damaged_library.ask(error)

    def _library_replaced(self) -> None:
        """Read everything again from the new library; fetch its catalogue when online."""
        self.context.library_changed.emit()
        self.session.start(self.context.language, self.context.large_font)  # as it looks now
        if self.context.downloads is not None:
            self.context.downloads.refresh()
        if self.context.sync is not None:
            self.context.sync.sync_now()

    def _environment_error(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # built only when needed (~5 ms)

        QMessageBox.warning(self, self.tr("Lifelong Learning"), message)

    def closeEvent(self, event: "QCloseEvent") -> None:
        if self.lesson is not None:
            self.lesson.save_state()
        super().closeEvent(event)
