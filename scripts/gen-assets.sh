#!/usr/bin/env bash
# Writes what the packages install beside the binary, generated from the binary itself (so they
# always match its commands): the manual page (gzipped) and the bash, zsh and fish completions.
# Usage: scripts/gen-assets.sh BINARY OUT_DIR
set -euo pipefail
binary="$1"
out="$2"
mkdir -p "$out"
"$binary" man | gzip -9n > "$out/gardefou.1.gz"
"$binary" completions bash > "$out/gardefou.bash"
"$binary" completions zsh > "$out/_gardefou"
"$binary" completions fish > "$out/gardefou.fish"
