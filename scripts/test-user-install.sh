#!/usr/bin/env bash
# Checks the portable archive as a non-root user would use it (run as root: it creates the
# user): extract, run install-user.sh, find the program, the menu entry (validated), the icons,
# the file type and its default application under that user's ~/.local, run the installed
# program, then uninstall and find nothing left.
# Usage: scripts/test-user-install.sh [ARCHIVE.tar.gz] [USER]
set -euo pipefail
cd "$(dirname "$0")/.."
archive="${1:-$(ls -t target/packaging/gardefou-*-linux-*.tar.gz | head -1)}"
user="${2:-gardefou-test}"
id "$user" >/dev/null 2>&1 || useradd -m -s /bin/bash "$user"
home="$(getent passwd "$user" | cut -d: -f6)"
cp "$archive" "$home/"
chown "$user" "$home/$(basename "$archive")"
as_user() { su - "$user" -c "$1"; }
as_user "cd ~ && tar xzf $(basename "$archive") && ./gardefou-*-linux-*/install-user.sh"
for f in .local/bin/gardefou .local/share/applications/gardefou.desktop \
  .local/share/mime/packages/gardefou.xml .local/share/icons/hicolor/256x256/apps/gardefou.png \
  .local/share/man/man1/gardefou.1.gz; do
  [ -f "$home/$f" ] || { echo "FAIL: $f missing"; exit 1; }
done
echo "ok: files installed under $home/.local"
desktop-file-validate "$home/.local/share/applications/gardefou.desktop"
echo "ok: desktop-file-validate"
default="$(as_user "XDG_CURRENT_DESKTOP= xdg-mime query default application/x-aipd+ron")"
[ "$default" = "gardefou.desktop" ] || { echo "FAIL: default application « $default »"; exit 1; }
echo "ok: xdg-mime query default application/x-aipd+ron → $default (for $user)"
[ -f "$home/.local/share/mime/application/x-aipd+ron.xml" ] || { echo "FAIL: user MIME database"; exit 1; }
echo "ok: the user's MIME database knows *.aipd.ron"
as_user "~/.local/bin/gardefou --version"
as_user "~/.local/bin/gardefou sample -o ~/commune.aipd.ron >/dev/null && ~/.local/bin/gardefou check ~/commune.aipd.ron >/dev/null; test \$? -le 1"
echo "ok: the installed program runs for $user"
as_user "./gardefou-*-linux-*/install-user.sh --uninstall"
[ ! -e "$home/.local/bin/gardefou" ] && [ ! -e "$home/.local/share/applications/gardefou.desktop" ] \
  || { echo "FAIL: files left after --uninstall"; exit 1; }
echo "ok: --uninstall removed them"
echo "All user-install checks passed for $user."
