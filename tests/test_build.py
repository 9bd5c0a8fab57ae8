"""The desktop build: what installer.spec leaves out, where libVLC comes from, and a real
bundle that starts, plays a demo clip through libVLC and records progress.

The bundle is built once per module (one to two minutes on two cores) into a temporary
folder; those tests are marked slow and still run in CI.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from build import bundle_pruning as pruning
from build import libvlc_files
from build.build import bundle_executable

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("destination", [
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
    "PySide6/Qt/translations/qtbase_de.qm",
])
def test_qt_files_the_app_never_loads_are_left_out(destination: str) -> None:
    assert pruning.is_unused_qt_file(destination)


@pytest.mark.parametrize("destination", [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "resources/translations/shell_de.qm",
])
def test_qt_files_the_app_uses_stay(destination: str) -> None:
    assert not pruning.is_unused_qt_file(destination)


def test_libraries_only_a_dropped_plugin_needed_are_dropped() -> None:
    needs = {
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/src/libQt6Core.so.6": ["libicuuc.so.73"],
        "/src/libgtk-3.so.0": ["libcairo.so.2"],
    }
    binaries = [(Path(source).name, source, "BINARY") for source in [
        "/src/QtGui.abi3.so", "/src/libQt6Gui.so.6", "/src/libQt6Core.so.6",
        "/src/libicuuc.so.73", "/src/libgtk-3.so.0", "/src/libcairo.so.2",
    ]]
    binaries.append(("libQt6Core.so.6", "/src/link-to-core", "SYMLINK"))
    binaries.append(("vlc/libvlc.so.5", "/src/libvlc.so.5", "BINARY"))

    kept = pruning.drop_unneeded_libraries(binaries, lambda source: needs.get(source, []))

    assert [entry[0] for entry in kept] == [
        "QtGui.abi3.so", "libQt6Gui.so.6", "libQt6Core.so.6", "libicuuc.so.73",
        "libQt6Core.so.6", "vlc/libvlc.so.5",
    ]


def make_vlc_install(root: Path, layout: object) -> Path:
    for relative in (layout.library, layout.core):  # type: ignore[attr-defined]
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(b"")
    (root / layout.plugins / "codec").mkdir(parents=True)  # type: ignore[attr-defined]
    return root


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_vlc_named_by_its_folder_is_bundled_under_vlc(tmp_path: Path, platform: str) -> None:
    layout = libvlc_files.LAYOUTS[platform]
    make_vlc_install(tmp_path / "VLC", layout)

    datas = libvlc_files.bundle_datas(
        platform, {"LIFELONG_VLC_DIR": str(tmp_path / "VLC"), "LIFELONG_BUNDLE_VLC": "1"}
    )

    assert [folder for _source, folder in datas] == ["vlc", "vlc", "vlc/plugins"]
    assert datas[2][0] == str((tmp_path / "VLC" / layout.plugins).resolve())


def test_windows_build_without_vlc_stops_with_where_to_get_it(tmp_path: Path) -> None:
    (tmp_path / "VideoLAN" / "VLC").mkdir(parents=True)  # a VLC folder with no libVLC in it

    with pytest.raises(SystemExit, match="LIFELONG_VLC_DIR"):
        libvlc_files.bundle_datas("win32", {"ProgramFiles": str(tmp_path)})


def test_linux_build_uses_the_system_vlc_unless_asked_to_bundle() -> None:
    assert libvlc_files.bundle_datas("linux", {}) == []
    assert libvlc_files.should_bundle("linux", {"LIFELONG_BUNDLE_VLC": "1"})
    assert libvlc_files.should_bundle("darwin", {})


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the system's libVLC")
def test_system_libvlc_and_its_plugins_are_found() -> None:
    found = libvlc_files.find_libvlc("linux", {})

    assert found is not None
    assert (found.plugins / "codec").is_dir()
    assert found.library.name.startswith("libvlc.so")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app built by build/build.py into a temporary folder; its executable."""
    out = tmp_path_factory.mktemp("build")
    done = subprocess.run(
        [sys.executable, str(ROOT / "build" / "build.py"), "--dist", str(out / "dist"),
         "--work", str(out / "work")],
        capture_output=True, text=True, check=False, timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return bundle_executable(out / "dist")


def run_bundle(executable: Path, *args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    environ = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIFELONG_DATA_DIR=str(data_dir))
    return subprocess.run([str(executable), *args], capture_output=True, text=True,
                          env=environ, check=False, timeout=240)


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_bundle_prints_the_version(bundle: Path, tmp_path: Path) -> None:
    done = run_bundle(bundle, "--version", data_dir=tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"lifelong {__version__}"


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_bundle_self_test_plays_a_demo_clip_and_records_progress(
    bundle: Path, tmp_path: Path
) -> None:
    done = run_bundle(bundle, "--self-test", data_dir=tmp_path)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test ok" in done.stdout


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_bundle_ships_resources_and_leaves_out_what_is_unused(bundle: Path) -> None:
    internal = bundle.parent / "_internal"
    shipped = {path.relative_to(internal).as_posix() for path in internal.rglob("*")}

    assert {"resources/demo/clips/science.mp4", "resources/icons/lifelong.svg",
            "resources/translations/shell_zh_CN.qm"} <= shipped
    assert not any(name.endswith(".ts") for name in shipped)
    assert not any("tkinter" in name or "libqvnc" in name for name in shipped)
    if sys.platform.startswith("linux"):  # the system's libVLC, loaded whole
        assert not any(Path(name).name.startswith("libvlc") for name in shipped)
