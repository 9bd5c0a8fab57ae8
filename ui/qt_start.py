"""Qt set-up that must come before the rest of the interface is imported.

PySide6 hooks every import made after it: to learn whether a module asks for
``from __feature__ import ...`` (snake_case, true_property), it reads the module's source.
The app uses no such feature, so every module is taken as plain PySide without reading
its source: about 25 ms less start-up (``bench/bench_ui_startup.py``), with some hundred
modules imported after PySide6. ``tests/test_ui_startup.py`` fails if a PySide6 upgrade
drops the hook this replaces.
"""

import sys
from typing import Any

import PySide6  # noqa: F401 - loads shiboken6 and its import hook


def uses_pyside_without_features(_module: object) -> bool:
    return True


_feature: Any = sys.modules.get("shibokensupport.feature")
if _feature is not None and hasattr(_feature, "_mod_uses_pyside"):
    _feature._mod_uses_pyside = uses_pyside_without_features
