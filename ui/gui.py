"""The GUI path of ``lifelong``: application, context, services, main window, event loop.

Start-up shows the window first and does everything else after it: no database, sync or
player module is imported before the first paint (``tests/test_ui_startup.py``).
"""

import argparse
import gc
import os
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

import ui.qt_start  # noqa: F401 - first: stops PySide6 reading every later module's source
from app.paths import DataPaths, resolve
from ui.context import AppContext
from ui.errors import install_excepthook, take_crash_report
from ui.i18n import Translations, qm_folder
from ui.main_window import MainWindow
from ui.services import attach_services

APP_NAME = "Lifelong Learning"


def build_context(paths: DataPaths) -> AppContext:
    """The context of a running app: translations, tasks, download and sync services."""
    translations = Translations(qm_folder(paths.root / "translations"))
    context = AppContext(paths, translations)
    attach_services(context)
    return context


def offer_crash_report(window: MainWindow, paths: DataPaths) -> None:
    kept = take_crash_report(paths)
    if kept is not None:
        from PySide6.QtWidgets import QMessageBox  # after show: its enums cost ~5 ms
        text = QCoreApplication.translate(
            "MainWindow", "The app stopped unexpectedly last time. A report was saved at %1; "
            "please send it to your facilitator.",
        )
        QMessageBox.information(window, window.windowTitle(), text.replace("%1", str(kept)))


def run(args: argparse.Namespace) -> int:
    if args.self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    demo = None
    data_dir = args.data_dir
    if args.demo or args.self_test:
        from ui.demo import DemoSession

        demo = DemoSession()
        data_dir = demo.client_dir
    paths = resolve(data_dir)
    paths.ensure()
    install_excepthook(paths)
    context = build_context(paths)
    context.start_language(args.lang)
    window = MainWindow(context)
    # The theme after the widgets exist: Qt polishes them once, at show, rather than at
    # every reparenting while the window is put together.
    context.start(args.lang, args.large_font)
    line = window.fontMetrics().height()
    window.resize(line * 64, line * 40)
    window.show()

    def after_show() -> None:
        # Everything alive now lives as long as the app: keep it out of the collector, so a
        # full collection on a worker (which holds the GIL) no longer stalls the GUI.
        gc.freeze()
        window.session.start(args.lang, args.large_font)
        if context.downloads is not None:
            context.downloads.refresh(context.downloads.pump)
        if demo is not None:
            demo.connect(context)
        elif context.sync is not None:
            context.sync.start()
        if not args.self_test:
            offer_crash_report(window, paths)

    QTimer.singleShot(0, after_show)
    checker = None
    if args.self_test and demo is not None:
        from ui.self_test import SelfTest

        checker = SelfTest(context, demo)
    code = app.exec()
    window.close()
    context.tasks.shutdown()
    if demo is not None:
        demo.stop()
    if checker is not None:
        return checker.result()
    return int(code)
