"""Who is learning? Large tiles for each learner, "Add learner", a guest entry, and the
large-font switch, shown at start-up and whenever the session locks.

Signals:
    chosen(object): a ``Profile`` to open (its PIN already checked).
    loaded(list): the profiles now shown (a ``list[Profile]``).
"""

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.profiles.guest import discard_left_guests
from ui.profiles.learner_form import LearnerForm
from ui.profiles.pin_dialog import PinDialog
from ui.profiles.tiles import BigTile
from ui.scroll import frameless_scroll

if TYPE_CHECKING:
    from app.profiles import Profile
    from app.store import Store

COLUMNS = 3


def _list_profiles(store: "Store", _cancel: object) -> list["Profile"]:
    """The learners; a guest still stored was left by a session that is over (the picker
    shows only while no session is open), so it goes first: see ``ui.profiles.guest``."""
    from app import profiles

    with store.transaction() as conn:
        discard_left_guests(conn)
        return profiles.all_profiles(conn)


class ProfilePicker(QWidget):
    chosen = Signal(object)
    loaded = Signal(list)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.profiles: list[Profile] = []
        self.tiles: list[BigTile] = []
        self.dialog: PinDialog | LearnerForm | None = None
        self.large_font_choice: bool | None = None  # set once the switch is used here
        self.heading = QLabel()
        self.heading.setProperty("role", "title")
        self.hint = QLabel()
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        self.large_font = QCheckBox()
        self.add_tile = BigTile(symbol="+")
        self.guest_tile = BigTile(symbol="?")
        self.grid = QGridLayout()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addLayout(self.grid)
        column.addStretch()
        scroll = frameless_scroll(holder)
        # The tiles sit on the window's own background (plain white in high contrast).
        scroll.viewport().setAutoFillBackground(False)
        holder.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.hint, self.large_font):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)
        self.add_tile.clicked.connect(self.add_learner)
        self.guest_tile.clicked.connect(self.enter_as_guest)
        self.large_font.toggled.connect(self._large_font_toggled)
        context.language_changed.connect(self.retranslate)
        context.font_changed.connect(self._show_font_mode)
        self.retranslate()

    # -- loading ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the learners from the database and rebuild the tiles."""
        self.context.tasks.db(_list_profiles, self._show)

    def _show(self, found: list["Profile"]) -> None:
        self.profiles = [p for p in found if not p.guest]
        self._show_font_mode(self.context.large_font)
        self._rebuild()
        self.loaded.emit(self.profiles)

    def _rebuild(self) -> None:
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        for profile in self.profiles:
            tile = BigTile(profile.name, self._detail(profile), colour=profile.avatar_color)
            tile.clicked.connect(functools.partial(self.pick, profile))
            self.tiles.append(tile)
        for number, tile in enumerate([*self.tiles, self.add_tile, self.guest_tile]):
            self.grid.addWidget(tile, number // COLUMNS, number % COLUMNS)
        if self.tiles:
            self.tiles[0].setFocus()

    def _detail(self, profile: "Profile") -> str:
        if profile.facilitator:
            return self.tr("Facilitator · PIN")
        return self.tr("PIN") if profile.has_pin else ""

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Who is learning today?"))
        self.hint.setText(self.tr("Choose your name. Your progress is kept apart from others'."))
        self.large_font.setText(self.tr("Large type and high contrast"))
        self.add_tile.set_texts(self.tr("Add learner"), self.tr("A new profile on this computer"))
        self.guest_tile.set_texts(self.tr("Guest"), self.tr("Study without a profile"))
        for tile, profile in zip(self.tiles, self.profiles, strict=True):
            tile.set_texts(profile.name, self._detail(profile))

    # -- choosing --------------------------------------------------------------------

    def pick(self, profile: "Profile") -> None:
        """Open ``profile``, asking its PIN first if it has one."""
        if not profile.has_pin:
            self.chosen.emit(profile)
            return
        dialog = PinDialog(self.context, profile, self)
        dialog.unlocked.connect(self.chosen)
        self._open(dialog)

    def add_learner(self) -> None:
        form = LearnerForm(self.tr("Add learner"), self)
        form.submitted.connect(self._create)
        self._open(form)

    def _create(self, name: str, pin: str) -> None:
        def work(store: "Store", _cancel: object) -> "Profile":
            from app import profiles

            return profiles.create(store.conn, name, pin=pin or None)

        self.context.tasks.db(work, self._created)

    def _created(self, profile: "Profile") -> None:
        self.refresh()
        self.chosen.emit(profile)

    def enter_as_guest(self) -> None:
        """Open a new guest profile: an earlier guest's is never handed on."""
        name = self.tr("Guest")

        def work(store: "Store", _cancel: object) -> "Profile":
            from app import profiles

            with store.transaction() as conn:
                discard_left_guests(conn)
                return profiles.create(conn, name, guest=True)

        self.context.tasks.db(work, self.chosen.emit)

    def _open(self, dialog: PinDialog | LearnerForm) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    # -- large type ------------------------------------------------------------------

    def _large_font_toggled(self, large: bool) -> None:
        self.large_font_choice = large
        if large != self.context.large_font:
            # Applied now, saved to whichever learner opens next (see Session.enter).
            self.context.start(self.context.language, large)

    def _show_font_mode(self, large: bool) -> None:
        self.large_font.blockSignals(True)
        self.large_font.setChecked(large)
        self.large_font.blockSignals(False)
