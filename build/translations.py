"""Qt translations of the UI: ``update [AREA]`` extracts strings, ``compile`` makes .qm files.

``python build/translations.py update [shell|player|profiles]`` runs lupdate on the area's
sources into ``resources/translations/<area>_<lang>.ts`` (existing translations kept,
vanished strings dropped); the English files get their source text as translation.
``python build/translations.py compile`` runs lrelease on every ``.ts``.
"""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ui.i18n import (  # noqa: E402 - after the path is set
    AREAS,
    LANGUAGES,
    TRANSLATIONS_DIR,
    compile_translations,
    qt_tool,
)


def area_sources(area: str, root: Path = ROOT) -> list[Path]:
    """The Python files whose strings belong to ``area``."""
    if area == "shell":
        return sorted((root / "ui").glob("*.py"))
    return sorted((root / "ui" / area).rglob("*.py"))


def run_lupdate(sources: list[Path], ts_files: list[Path]) -> None:
    tool = qt_tool("lupdate")
    if tool is None:
        raise SystemExit("lupdate not found: install PySide6")
    command = [tool, "-silent", "-no-obsolete", "-locations", "none", *map(str, sources),
               "-ts", *map(str, ts_files)]
    subprocess.run(command, check=True, capture_output=True)


def english_plurals(source: str) -> list[str]:
    """The English forms (one, other) of a ``%n thing(s)`` source: "1 course", "2 courses"."""
    return [source.replace("(s)", ""), source.replace("(s)", "s")]


def fill_source_language(ts_file: Path) -> None:
    """In an English file every translation is its source text; plural sources written
    ``%n thing(s)`` get a singular and a plural form."""
    tree = ET.parse(ts_file)
    for message in tree.iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        if translation is None:
            continue
        translation.attrib.pop("type", None)
        numerus = translation.findall("numerusform")
        if message.get("numerus") == "yes":
            for form in numerus:
                translation.remove(form)
            translation.text = "\n" + " " * 12  # laid out as lupdate does
            for text in english_plurals(source):
                form = ET.SubElement(translation, "numerusform")
                form.text, form.tail = text, translation.text
            form.tail = "\n" + " " * 8
        else:
            translation.text = source
    tree.getroot().set("language", "en")
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)


def update(area: str, folder: Path = TRANSLATIONS_DIR, root: Path = ROOT) -> list[Path]:
    """Bring the area's .ts files in ``folder`` up to date with its sources."""
    sources = area_sources(area, root)
    if not sources:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    ts_files = [folder / f"{area}_{language}.ts" for language in LANGUAGES]
    run_lupdate(sources, ts_files)
    fill_source_language(folder / f"{area}_en.ts")
    return ts_files


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("update", "compile"):
        print(__doc__)
        return 2
    if argv[0] == "compile":
        for qm in compile_translations(TRANSLATIONS_DIR, TRANSLATIONS_DIR):
            print(qm.relative_to(ROOT))
        return 0
    for area in argv[1:] or AREAS:
        for ts in update(area):
            print(ts.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
