"""Every string shown by ui/ has a finished translation, in every area and language."""

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from build.translations import area_sources, update
from ui.i18n import AREAS, LANGUAGES, TRANSLATIONS_DIR, Translations, compile_translations

ROOT = Path(__file__).resolve().parent.parent
AREAS_WITH_SOURCES = [area for area in AREAS if area_sources(area)]


def unfinished(ts_file: Path) -> list[str]:
    missing = []
    for message in ET.parse(ts_file).iter("message"):
        translation = message.find("translation")
        forms = [] if translation is None else translation.findall("numerusform")
        texts = [f.text for f in forms] if forms else [getattr(translation, "text", "")]
        if translation is None or translation.get("type") in ("unfinished", "vanished") or not all(
            texts
        ):
            missing.append(message.findtext("source", ""))
    return missing


@pytest.mark.parametrize("area", AREAS_WITH_SOURCES)
def test_every_string_has_a_finished_translation(area: str, tmp_path: Path) -> None:
    """lupdate over today's sources, starting from the committed .ts files."""
    for language in LANGUAGES:
        committed = TRANSLATIONS_DIR / f"{area}_{language}.ts"
        if committed.exists():
            shutil.copy(committed, tmp_path / committed.name)
    for ts_file in update(area, tmp_path):
        if ts_file.name.endswith("_en.ts"):
            continue  # English translations are filled from the source text
        assert unfinished(ts_file) == [], f"untranslated in {ts_file.name}"
    assert unfinished(tmp_path / f"{area}_en.ts") == []


def test_english_file_is_english_after_an_update(tmp_path: Path) -> None:
    update("shell", tmp_path)
    root = ET.parse(tmp_path / "shell_en.ts").getroot()
    message = next(m for m in root.iter("message") if m.findtext("source") == "Sync now")
    assert message.findtext("translation") == "Sync now"


def test_compiled_chinese_translation_loads_and_translates(tmp_path: Path) -> None:
    compiled = compile_translations(TRANSLATIONS_DIR, tmp_path)
    assert {qm.name for qm in compiled} >= {"shell_zh_CN.qm", "shell_en.qm"}
    translator = QTranslator()
    assert translator.load(str(tmp_path / "shell_zh_CN.qm"))
    assert translator.translate("StatusBar", "Sync now") == "立即同步"


@pytest.mark.usefixtures("qapp")
def test_qt_own_buttons_follow_the_interface_language(tmp_path: Path) -> None:
    translations = Translations(tmp_path)  # no app translations: Qt's own are found apart
    cancel = QDialogButtonBox.StandardButton.Cancel
    try:
        translations.use("zh_CN")
        assert QDialogButtonBox(cancel).button(cancel).text() == "取消"
    finally:
        translations.use("")
    assert QDialogButtonBox(cancel).button(cancel).text() == "Cancel"
