#!/usr/bin/env bash
# Installs a built bundle (python build/build.py) for one user or, as root, for everyone:
# the folder, a `lifelong` command, the menu entry and its icons. Video uses the system's
# libVLC, so this warns when VLC is missing.
# Usage: bash build/linux/install.sh [BUNDLE_DIR] [PREFIX]
#   BUNDLE_DIR defaults to dist/lifelong; PREFIX to /usr/local as root, else ~/.local.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
bundle="$(cd "${1:-$here/../../dist/lifelong}" && pwd)"
if [[ $EUID -eq 0 ]]; then default_prefix=/usr/local; else default_prefix="$HOME/.local"; fi
prefix="${2:-$default_prefix}"
[[ -x "$bundle/lifelong" ]] || { echo "no bundle at $bundle: run python build/build.py" >&2; exit 1; }

target="$prefix/lib/lifelong"
rm -rf "$target"
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications"
cp -a "$bundle" "$target"
ln -sf "$target/lifelong" "$prefix/bin/lifelong"
install -m 644 "$here/lifelong.desktop" "$prefix/share/applications/lifelong.desktop"

icons="$target/_internal/resources/icons"
for size in 16 24 32 48 64 128 256 512; do
    install -D -m 644 "$icons/lifelong-$size.png" \
        "$prefix/share/icons/hicolor/${size}x${size}/apps/lifelong.png"
done
install -D -m 644 "$icons/lifelong.svg" "$prefix/share/icons/hicolor/scalable/apps/lifelong.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true

echo "installed: $prefix/bin/lifelong"
if ! /sbin/ldconfig -p 2>/dev/null | grep -q 'libvlc\.so\.5 '; then
    echo "warning: VLC (libVLC 3) is not installed, so videos will not play." >&2
    echo "  Debian, Ubuntu, UOS, Kylin: sudo apt install vlc   Fedora: sudo dnf install vlc" >&2
fi
