"""The silver-age home of large-font mode: four big actions in plain words.

Signals:
    my_courses_requested(): show the courses on this computer.
    switch_requested(): another learner wants the computer.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.profiles.tiles import BigTile

if TYPE_CHECKING:
    from app.recommend import Resume
    from app.store import Store

SILVER_AGE = "silver_age"


def _latest(profile_id: int) -> "Callable[[Store, object], list[Resume]]":
    def work(store: "Store", _cancel: object) -> "list[Resume]":
        from app.recommend import continue_learning

        return continue_learning(store.conn, profile_id, limit=1)

    return work


class SimpleHome(QWidget):
    my_courses_requested = Signal()
    switch_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.resume: Resume | None = None
        self.greeting = QLabel()
        self.greeting.setProperty("role", "title")
        self.greeting.setWordWrap(True)
        self.continue_tile = BigTile(symbol="▶", colour="#1b5e20")
        self.silver_tile = BigTile(symbol="★", colour="#8e0000")
        self.courses_tile = BigTile(symbol="≡", colour="#0d47a1")
        self.switch_tile = BigTile(symbol="⇄", colour="#37474f")
        self.tiles = [self.continue_tile, self.silver_tile, self.courses_tile, self.switch_tile]
        grid = QGridLayout()
        for number, tile in enumerate(self.tiles):
            grid.addWidget(tile, number // 2, number % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addLayout(grid)
        layout.addStretch()
        self.continue_tile.clicked.connect(self.continue_learning)
        self.silver_tile.clicked.connect(lambda: context.browse_section(SILVER_AGE))
        self.courses_tile.clicked.connect(self.my_courses_requested)
        self.switch_tile.clicked.connect(self.switch_requested)
        context.profile_changed.connect(self.refresh)
        context.library_changed.connect(self.refresh)
        context.language_changed.connect(self.retranslate)
        self.retranslate()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh()

    def refresh(self) -> None:
        profile = self.context.profile
        if profile is None:
            return
        self.context.tasks.db(_latest(profile.id), self._show)

    def _show(self, found: "list[Resume]") -> None:
        self.resume = found[0] if found else None
        self.retranslate()

    def continue_learning(self) -> None:
        """Open the lesson the learner stopped in, or the silver-age classes if none."""
        resume = self.resume
        if resume is None:
            self.context.browse_section(SILVER_AGE)
            return
        self.context.open_lesson(resume.course_id, resume.lesson.id, resume.position)

    def retranslate(self) -> None:
        profile = self.context.profile
        self.greeting.setText(self.tr("Hello, %1").replace("%1", profile.name)
                              if profile else "")
        resume, language = self.resume, self.context.content_language
        where = (resume.lesson.title(language) if resume
                 else self.tr("Nothing started yet: find a class"))
        self.continue_tile.set_texts(self.tr("Continue learning"), where)
        self.silver_tile.set_texts(self.tr("Silver-age classes"),
                                   self.tr("Classes made for older learners"))
        self.courses_tile.set_texts(self.tr("My courses"),
                                    self.tr("Courses on this computer"))
        self.switch_tile.set_texts(self.tr("Switch learner"),
                                   self.tr("Let someone else use the computer"))
