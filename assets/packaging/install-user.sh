#!/usr/bin/env bash
# Installs Garde-fou from this archive for the current user only (no root): the program in
# ~/.local/bin, its desktop entry (menu, « Open with »), icons, the *.aipd.ron file type with
# Garde-fou as its default application, the manual page and the shell completions, all under
# ~/.local. `install-user.sh --uninstall` removes them again.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
bin="$HOME/.local/bin"
apps="$data/applications"
mime="$data/mime"
icons="$data/icons/hicolor"
man="$data/man/man1"
bash_completion="$data/bash-completion/completions"
zsh_completion="$data/zsh/site-functions"
fish_completion="${XDG_CONFIG_HOME:-$HOME/.config}/fish/completions"

refresh() {
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$mime" || true
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$bin/gardefou" "$apps/gardefou.desktop" "$mime/packages/gardefou.xml" \
    "$icons/scalable/apps/gardefou.svg" "$man/gardefou.1.gz" \
    "$bash_completion/gardefou" "$zsh_completion/_gardefou" "$fish_completion/gardefou.fish"
  for size in 16 32 48 64 128 256; do
    rm -f "$icons/${size}x${size}/apps/gardefou.png"
  done
  refresh
  echo "Garde-fou removed from $HOME/.local."
  exit 0
fi

mkdir -p "$bin" "$apps" "$mime/packages" "$icons/scalable/apps" "$man" \
  "$bash_completion" "$zsh_completion" "$fish_completion"
install -m 755 "$here/gardefou" "$bin/gardefou"
# The menu may not have ~/.local/bin on its PATH: the entry names the program by its full path.
sed "s|^Exec=gardefou |Exec=$bin/gardefou |" "$here/share/gardefou.desktop" > "$apps/gardefou.desktop"
chmod 644 "$apps/gardefou.desktop"
install -m 644 "$here/share/gardefou-mime.xml" "$mime/packages/gardefou.xml"
install -m 644 "$here/share/gardefou.svg" "$icons/scalable/apps/gardefou.svg"
for size in 16 32 48 64 128 256; do
  mkdir -p "$icons/${size}x${size}/apps"
  install -m 644 "$here/share/gardefou-$size.png" "$icons/${size}x${size}/apps/gardefou.png"
done
install -m 644 "$here/share/gardefou.1.gz" "$man/gardefou.1.gz"
install -m 644 "$here/share/gardefou.bash" "$bash_completion/gardefou"
install -m 644 "$here/share/_gardefou" "$zsh_completion/_gardefou"
install -m 644 "$here/share/gardefou.fish" "$fish_completion/gardefou.fish"
refresh
if command -v xdg-mime >/dev/null 2>&1; then
  xdg-mime default gardefou.desktop application/x-aipd+ron || true
fi
echo "Garde-fou installed in $HOME/.local: open it from the menu, or double-click a .aipd.ron file."
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "To run « gardefou » in a terminal, add $bin to your PATH." ;;
esac
