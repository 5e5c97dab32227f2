#!/usr/bin/env bash
# Runs the app on the bundled sample in a virtual X display and writes one PNG per wizard step
# (FR by default) into docs/screenshots/. Usage: scripts/screenshots.sh [fr|en] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
lang="${1:-fr}"
out="${2:-docs/screenshots}"

missing=()
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v xdotool >/dev/null 2>&1 || missing+=(xdotool)
command -v import >/dev/null 2>&1 || missing+=(imagemagick)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" \
    libgl1-mesa-dri libegl1 libgl1 libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6
fi

cargo build --locked --quiet
mkdir -p "$out"
display=":97"
Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY="$display" LANG=C.UTF-8 target/debug/gardefou --lang "$lang" >/dev/null 2>&1 &
app=$!
trap 'kill "$app" "$xvfb" 2>/dev/null || true' EXIT
sleep 6
# The navigator lists the nine steps down the left edge, 33 px apart.
for step in 0 1 2 3 4 5 6 7 8; do
  DISPLAY="$display" xdotool mousemove 40 $((67 + 33 * step)) click 1
  sleep 0.8
  # Clicking the same entry again changes nothing but makes sure the click was taken.
  DISPLAY="$display" xdotool click 1
  sleep 0.8
  # Another event makes the window present the frame drawn after the click.
  DISPLAY="$display" xdotool mousemove 1360 760
  sleep 0.8
  DISPLAY="$display" xdotool mousemove 1300 740
  sleep 0.8
  DISPLAY="$display" import -window root "$out/step-$step-$lang.png"
done
echo "wrote $out/step-[0-8]-$lang.png"
