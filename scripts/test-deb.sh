#!/usr/bin/env bash
# Builds the Debian package and checks it as a user would meet it, on this machine (run as
# root): dpkg -i installs it; desktop-file-validate passes on the installed entry; xdg-mime names
# it as the default application of *.aipd.ron; launching the entry's command line under Xvfb
# opens the app on the file given (a window titled with the file's name); `man gardefou` shows
# the page; the completions are in place; dpkg -r removes every file it installed.
# Usage: scripts/test-deb.sh [PACKAGE.deb]   (default: build it with scripts/package-deb.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
deb="${1:-}"
if [ -z "$deb" ]; then
  scripts/package-deb.sh
  deb="$(ls -t target/packaging/gardefou_*.deb | head -1)"
fi
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

dpkg -i "$deb" >/dev/null || fail "dpkg -i $deb"
ok "dpkg -i $deb"
trap 'dpkg -r gardefou >/dev/null 2>&1 || true' EXIT
desktop-file-validate /usr/share/applications/gardefou.desktop || fail "desktop-file-validate"
ok "desktop-file-validate /usr/share/applications/gardefou.desktop"
update-desktop-database /usr/share/applications 2>/dev/null || true
default="$(XDG_CURRENT_DESKTOP= xdg-mime query default application/x-aipd+ron)"
[ "$default" = "gardefou.desktop" ] || fail "xdg-mime default is « $default »"
ok "xdg-mime query default application/x-aipd+ron → $default"
grep -q 'application/x-aipd+ron' /usr/share/mime/packages/gardefou.xml || fail "MIME type"
[ -f /usr/share/mime/application/x-aipd+ron.xml ] || fail "the MIME database was not updated"
ok "MIME type registered (shared-mime-info trigger)"
man -w gardefou >/dev/null || fail "man -w gardefou"
MANPAGER=cat man gardefou 2>/dev/null | grep -q "GARDEFOU EXPORT" || fail "man gardefou"
ok "man gardefou"
for f in /usr/share/bash-completion/completions/gardefou /usr/share/zsh/vendor-completions/_gardefou \
  /usr/share/fish/vendor_completions.d/gardefou.fish /usr/share/icons/hicolor/scalable/apps/gardefou.svg; do
  [ -f "$f" ] || fail "$f missing"
done
ok "completions and icons installed"

# Launch the desktop entry on a project, as a double-click would.
work="$(mktemp -d)"
gardefou sample -o "$work/commune.aipd.ron" >/dev/null
exec_line="$(sed -n 's/^Exec=//p' /usr/share/applications/gardefou.desktop)"
command_line="${exec_line//%f/$work/commune.aipd.ron}"
display=:97
Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY="$display" LANG=C.UTF-8 $command_line >/dev/null 2>&1 &
app=$!
window=""
for _ in $(seq 1 30); do
  window="$(DISPLAY=$display xdotool search --name 'Garde-fou' 2>/dev/null | head -1 || true)"
  [ -n "$window" ] && break
  sleep 0.5
done
sleep 2
title="$(DISPLAY=$display xdotool getwindowname "$window" 2>/dev/null || true)"
DISPLAY="$display" import -window root "$work/launched.png" 2>/dev/null || true
kill "$app" 2>/dev/null || true
kill "$xvfb" 2>/dev/null || true
[ -n "$window" ] || fail "no window opened by « $command_line »"
ok "the desktop entry opens a window: « $title » (screenshot $work/launched.png)"

files="$(dpkg -L gardefou | grep -v '/$' || true)"
dpkg -r gardefou >/dev/null || fail "dpkg -r"
trap - EXIT
for f in $files; do
  [ -d "$f" ] && continue
  [ -e "$f" ] && fail "$f left after dpkg -r"
done
[ -e /usr/bin/gardefou ] && fail "/usr/bin/gardefou still there"
ok "dpkg -r removed every file"
echo "All Debian package checks passed."
