"""Home: continue where the learner stopped, recommendations, and the six sections.

Signals (of :class:`Tile`):
    clicked(): inherited from ``QPushButton``; Enter and Space work too.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.facets import SECTIONS, label
from ui.context import AppContext
from ui.scroll import frameless_scroll

if TYPE_CHECKING:
    from app.recommend import Resume
    from app.store import Store

COLUMNS = 3


class Tile(QPushButton):
    """A large button holding a title and a line of detail, both wrapped."""

    def __init__(self, title: str, detail: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.title = QLabel(title)
        self.title.setProperty("role", "heading")
        self.detail = QLabel(detail)
        self.detail.setProperty("role", "muted")
        self._column = QVBoxLayout(self)
        for text in (self.title, self.detail):
            text.setWordWrap(True)
            self._column.addWidget(text)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(f"{title} {detail}".strip())

    def sizeHint(self) -> QSize:
        """Tall enough for the wrapped labels (a button's own hint is one line)."""
        return self._column.sizeHint().expandedTo(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._column.minimumSize()


@dataclass(frozen=True)
class HomeData:
    resume: list["Resume"]
    recommended: list[tuple[str, str, str]]  # course id, title zh, title en


def _load(profile_id: int, large_font: bool) -> Callable[["Store", object], HomeData]:
    def work(store: "Store", _cancel: object) -> HomeData:
        from app.catalogue import titles
        from app.recommend import continue_learning, recommendations

        ids = recommendations(store.conn, profile_id, large_font=large_font, limit=6)
        known = titles(store.conn, ids)
        return HomeData(
            continue_learning(store.conn, profile_id, limit=6),
            [(course_id, *known[course_id]) for course_id in ids if course_id in known],
        )

    return work


def format_position(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class HomePage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data = HomeData([], [])
        self.greeting = QLabel()
        self.greeting.setProperty("role", "title")
        self.continue_heading, self.recommend_heading, self.sections_heading = (
            QLabel(), QLabel(), QLabel()
        )
        self.empty_hint = QLabel()
        self.empty_hint.setProperty("role", "muted")
        self.empty_hint.setWordWrap(True)
        self.continue_grid, self.recommend_grid, self.section_grid = (
            QGridLayout(), QGridLayout(), QGridLayout()
        )
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.greeting)
        for heading, grid in (
            (self.continue_heading, self.continue_grid),
            (self.recommend_heading, self.recommend_grid),
            (self.sections_heading, self.section_grid),
        ):
            heading.setProperty("role", "heading")
            column.addWidget(heading)
            if grid is self.continue_grid:
                column.addWidget(self.empty_hint)
            column.addLayout(grid)
        column.addStretch()
        scroll = frameless_scroll(content)
        QVBoxLayout(self).addWidget(scroll)
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
        self.context.tasks.db(_load(profile.id, self.context.large_font), self._show)

    def _show(self, data: HomeData) -> None:
        self.data = data
        self.retranslate()

    def retranslate(self) -> None:
        profile = self.context.profile
        name = profile.name if profile else ""
        self.greeting.setText(self.tr("Welcome, %1").replace("%1", name) if name else "")
        self.continue_heading.setText(self.tr("Continue learning"))
        self.recommend_heading.setText(self.tr("Recommended for you"))
        self.sections_heading.setText(self.tr("Sections"))
        self.empty_hint.setText(
            self.tr("Courses you start appear here, so you can pick up where you stopped.")
        )
        self.empty_hint.setVisible(not self.data.resume)
        self._fill_continue()
        self._fill_recommended()
        self._fill_sections()

    def _fill_continue(self) -> None:
        language = self.context.content_language
        tiles = []
        for resume in self.data.resume:
            course = resume.course_title_zh if language == "zh" else resume.course_title_en
            detail = resume.lesson.title(language)
            if resume.position > 0:
                where = self.tr("resume at %1").replace("%1", format_position(resume.position))
                detail = f"{detail} · {where}"
            tile = Tile(course or resume.course_title_zh, detail)
            tile.clicked.connect(
                _call(self.context.open_lesson, resume.course_id, resume.lesson.id,
                      resume.position)
            )
            tiles.append(tile)
        _replace(self.continue_grid, tiles)

    def _fill_recommended(self) -> None:
        language = self.context.content_language
        tiles = []
        for course_id, title_zh, title_en in self.data.recommended:
            tile = Tile(title_zh if language == "zh" and title_zh else title_en or title_zh)
            tile.clicked.connect(_call(self.context.open_course, course_id))
            tiles.append(tile)
        _replace(self.recommend_grid, tiles)

    def _fill_sections(self) -> None:
        language = self.context.content_language
        tiles = []
        for code in SECTIONS:
            other = label(SECTIONS, code, "en" if language == "zh" else "zh")
            tile = Tile(label(SECTIONS, code, language), other)
            tile.clicked.connect(_call(self.context.browse_section, code))
            tiles.append(tile)
        _replace(self.section_grid, tiles)


def _call(function: Callable[..., None], *args: object) -> Callable[[], None]:
    return lambda: function(*args)


def _replace(grid: QGridLayout, tiles: list[Tile]) -> None:
    """Put ``tiles`` in ``grid`` (three to a row), deleting what was there."""
    while grid.count():
        item = grid.takeAt(0)
        widget = item.widget() if item else None
        if widget is not None:
            widget.deleteLater()
    for number, tile in enumerate(tiles):
        grid.addWidget(tile, number // COLUMNS, number % COLUMNS)
