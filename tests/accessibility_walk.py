"""Walking a window's controls for the accessibility and large-font tests."""

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Final

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QWidget,
)

from ui.profiles.learner_form import LearnerForm
from ui.profiles.pin_dialog import PinDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow

COURSE: Final = "silver-000001"

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSlider, QAbstractSpinBox,
               QAbstractItemView)


def _part_of_a_compound(widget: QWidget) -> bool:
    """The line edit inside a spin box or combo box, or a list's header, speaks through
    its owner."""
    parent = widget.parentWidget()
    return isinstance(parent, (QAbstractSpinBox, QComboBox, QAbstractItemView))


def controls(root: QWidget) -> Iterator[QWidget]:
    """The interactive controls a learner can reach under ``root`` (shown ones)."""
    for widget in root.findChildren(QWidget):
        if (isinstance(widget, INTERACTIVE) and not isinstance(widget, QScrollBar)
                and not _part_of_a_compound(widget) and widget.isVisibleTo(root)):
            yield widget


def exposed_name(widget: QWidget) -> str:
    """The name assistive technology hears (set, or taken from text or a buddy label)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def describe(widget: QWidget) -> str:
    owner = widget.parentWidget()
    return f"{type(widget).__name__} {widget.objectName()!r} in {type(owner).__name__}"


# Screens of this area (ui/profiles); the others belong to the shell and the player.
PROFILE_SCREENS: Final = ("simple home", "picker", "facilitator", "pin", "learner form")


def screens(window: "MainWindow") -> dict[str, Callable[[], QWidget]]:
    """Every screen of the app: a function that shows it and returns what to walk (the
    whole window for the shell's screens, the page itself for this area's)."""
    session = window.session

    def page(widget: QWidget) -> Callable[[], QWidget]:
        def show() -> QWidget:
            session.stack.setCurrentWidget(session.shell)
            window.show_page(widget)
            return window

        return show

    def own(widget: QWidget) -> Callable[[], QWidget]:
        def show() -> QWidget:
            session.stack.setCurrentWidget(widget)
            return widget

        return show

    def dialog(make: Callable[[], QWidget]) -> Callable[[], QWidget]:
        def show() -> QWidget:
            shown = make()
            shown.show()
            return shown

        return show

    def course() -> QWidget:
        session.stack.setCurrentWidget(session.shell)
        window.context.open_course(COURSE)
        return window

    def lesson() -> QWidget:
        session.stack.setCurrentWidget(session.shell)
        window.context.open_lesson(COURSE, "")
        return window

    def simple_home() -> QWidget:
        page(session.simple_home)()
        return session.simple_home

    profile = window.context.profile
    assert profile is not None
    return {
        "home": page(window.home), "browse": page(window.browse),
        "downloads": page(window.downloads), "settings": page(window.settings),
        "simple home": simple_home, "course": course, "lesson": lesson,
        "picker": own(session.picker), "facilitator": own(session.facilitator),
        "pin": dialog(lambda: PinDialog(window.context, profile, window)),
        "learner form": dialog(lambda: LearnerForm("Add learner", window)),
    }
