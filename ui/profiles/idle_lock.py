"""Locks a shared PC's session after a quiet spell.

An application-wide event filter restarts a single-shot timer on every input event; when
the timer runs out, :attr:`IdleLock.idle` fires. ``busy`` (say, a video playing) defers it.

Signals:
    idle(): no input for the configured time (and not busy).
"""

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

INPUT_EVENTS: Final = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress,
})


class IdleLock(QObject):
    idle = Signal()

    def __init__(self, busy: Callable[[], bool] = lambda: False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._busy = busy
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._expired)
        self.timer.setInterval(10 * 60_000)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        """Lock after ``minutes`` without input; 0 or less never locks."""
        self.set_interval_ms(int(minutes * 60_000))

    def set_interval_ms(self, msecs: int) -> None:
        self.timer.setInterval(max(0, msecs))
        if self.timer.isActive() or msecs <= 0:
            self.reset()

    def reset(self) -> None:
        """Start counting quiet time from now (a disabled lock stays stopped)."""
        if self.timer.interval() > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        """Stop counting (while the picker shows, nobody's session is open)."""
        self.timer.stop()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False

    def _expired(self) -> None:
        if self._busy():
            self.timer.start()
            return
        self.idle.emit()
