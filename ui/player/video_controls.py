"""The control bar under a video: seek bar, big play/pause and ±10 s buttons, speed,
volume, subtitles and full screen. It holds no player; :class:`~ui.player.video.VideoPlayer`
connects to its signals and feeds it the position.

Signals:
    play_pause(): the learner pressed play/pause.
    skip(float): jump by this many seconds (−10 or +10).
    seek(float): jump to this position in seconds (seek bar released, clicked or keyed).
    rate_changed(float): a new speed was chosen.
    volume_changed(int): the volume, 0–100.
    subtitles_toggled(bool): subtitles shown or hidden.
    fullscreen(): the learner asked to enter or leave full screen.
"""

from typing import Final

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStyle,
    QVBoxLayout,
    QWidget,
)

RATES: Final = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
SKIP_SECONDS: Final = 10.0


def format_time(seconds: float) -> str:
    """``m:ss``, or ``h:mm:ss`` from one hour on."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def nearest_rate(rate: float) -> float:
    return min(RATES, key=lambda known: abs(known - rate))


class VideoControls(QWidget):
    play_pause = Signal()
    skip = Signal(float)
    seek = Signal(float)
    rate_changed = Signal(float)
    volume_changed = Signal(int)
    subtitles_toggled = Signal(bool)
    fullscreen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._length_ms = 0
        self._updating = False
        self.seek_bar = QSlider(Qt.Orientation.Horizontal)
        self.seek_bar.setRange(0, 0)
        self.seek_bar.setPageStep(int(SKIP_SECONDS * 1000))
        self.seek_bar.setSingleStep(5000)
        self.time_label = QLabel(self._time_text(0))
        self.back_button = QPushButton()
        self.play_button = QPushButton()
        self.forward_button = QPushButton()
        self.rate_box = QComboBox()
        for rate in RATES:
            self.rate_box.addItem(f"{rate:g}×", rate)
        self.volume_label = QLabel()
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(100)
        self.subtitles = QCheckBox()
        self.fullscreen_button = QPushButton()
        self._lay_out()
        self._connect()
        self.set_playing(False)  # also sets the texts
        self._apply_sizes()

    def _lay_out(self) -> None:
        # Three short rows rather than one long one, so large type still fits a small screen.
        seek_row = QHBoxLayout()
        seek_row.addWidget(self.seek_bar, 1)
        seek_row.addWidget(self.time_label)
        main_row = QHBoxLayout()
        for button in (self.back_button, self.play_button, self.forward_button):
            main_row.addWidget(button)
        main_row.addWidget(self.rate_box)
        main_row.addStretch(1)
        main_row.addWidget(self.fullscreen_button)
        extra_row = QHBoxLayout()
        for widget in (self.volume_label, self.volume, self.subtitles):
            extra_row.addWidget(widget)
        extra_row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for row in (seek_row, main_row, extra_row):
            column.addLayout(row)
        style = self.style()
        self.back_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward))
        self.forward_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward))
        self.fullscreen_button.setIcon(
            style.standardIcon(QStyle.StandardPixmap.SP_TitleBarMaxButton)
        )

    def _connect(self) -> None:
        self.play_button.clicked.connect(self.play_pause)
        self.back_button.clicked.connect(lambda: self.skip.emit(-SKIP_SECONDS))
        self.forward_button.clicked.connect(lambda: self.skip.emit(SKIP_SECONDS))
        self.seek_bar.valueChanged.connect(self._on_seek_value)
        self.seek_bar.sliderReleased.connect(
            lambda: self.seek.emit(self.seek_bar.value() / 1000)
        )
        self.seek_bar.sliderMoved.connect(lambda ms: self.time_label.setText(self._time_text(ms)))
        self.rate_box.currentIndexChanged.connect(
            lambda index: self.rate_changed.emit(float(self.rate_box.itemData(index)))
        )
        self.volume.valueChanged.connect(self.volume_changed)
        self.subtitles.toggled.connect(self.subtitles_toggled)
        self.fullscreen_button.clicked.connect(self.fullscreen)

    def _on_seek_value(self, ms: int) -> None:
        # Programmatic updates and drags in progress are not seeks; clicks and keys are.
        if not self._updating and not self.seek_bar.isSliderDown():
            self.seek.emit(ms / 1000)

    # -- fed by the player -----------------------------------------------------------

    def set_length(self, length_ms: int) -> None:
        self._length_ms = max(0, length_ms)
        self._updating = True
        self.seek_bar.setRange(0, self._length_ms)
        self._updating = False
        self.time_label.setText(self._time_text(self.seek_bar.value()))

    def set_time(self, ms: int) -> None:
        if self.seek_bar.isSliderDown():
            return
        self._updating = True
        self.seek_bar.setValue(ms)
        self._updating = False
        self.time_label.setText(self._time_text(ms))

    def set_playing(self, playing: bool) -> None:
        self._playing = playing
        pixmaps = QStyle.StandardPixmap
        icon = pixmaps.SP_MediaPause if playing else pixmaps.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.retranslate()

    def set_rate(self, rate: float) -> None:
        self.rate_box.setCurrentIndex(RATES.index(nearest_rate(rate)))

    def set_subtitles(self, available: bool, shown: bool) -> None:
        self.subtitles.setVisible(available)
        self.subtitles.blockSignals(True)
        self.subtitles.setChecked(shown)
        self.subtitles.blockSignals(False)

    # -- text and size ---------------------------------------------------------------

    def _time_text(self, ms: int) -> str:
        return f"{format_time(ms / 1000)} / {format_time(self._length_ms / 1000)}"

    def retranslate(self) -> None:
        self.play_button.setToolTip(self.tr("Pause (Space)") if self._playing
                                    else self.tr("Play (Space)"))
        self.play_button.setAccessibleName(self.play_button.toolTip())
        self.back_button.setText(self.tr("10 s"))
        self.back_button.setToolTip(self.tr("Back 10 seconds (Left arrow)"))
        self.forward_button.setText(self.tr("10 s"))
        self.forward_button.setToolTip(self.tr("Forward 10 seconds (Right arrow)"))
        self.seek_bar.setAccessibleName(self.tr("Position in the video"))
        self.rate_box.setToolTip(self.tr("Playback speed"))
        self.volume_label.setText(self.tr("Volume"))
        self.volume.setAccessibleName(self.tr("Volume"))
        self.subtitles.setText(self.tr("Subtitles"))
        self.fullscreen_button.setText(self.tr("Full screen"))
        self.fullscreen_button.setToolTip(self.tr("Full screen (F)"))

    def _apply_sizes(self) -> None:
        """Big targets for the main buttons, derived from the current font."""
        line = self.fontMetrics().height()
        big = int(line * 3)
        # A style sheet, because the application's (min-height for every button) would
        # override plain minimum sizes when the buttons are polished.
        self.play_button.setStyleSheet(f"min-width: {big}px; min-height: {big}px;")
        self.play_button.setIconSize(QSize(int(line * 1.8), int(line * 1.8)))
        skip = f"min-width: {int(line * 4.5)}px; min-height: {int(big * 0.8)}px;"
        for button in (self.back_button, self.forward_button):
            button.setStyleSheet(skip)
            button.setIconSize(QSize(int(line * 1.2), int(line * 1.2)))
        self.volume.setFixedWidth(line * 6)

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate()
        elif kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._apply_sizes()
        super().changeEvent(event)
