#!/usr/bin/env bash
# Builds the Debian package target/packaging/gardefou_<version>_<arch>.deb: the release binary,
# its manual page and completions, the desktop entry, icons and MIME type (metadata in
# Cargo.toml, [package.metadata.deb]). Installs cargo-deb when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-deb >/dev/null 2>&1 || cargo install cargo-deb --locked
cargo build --release --locked
target_dir="${CARGO_TARGET_DIR:-target}"
scripts/gen-assets.sh "$target_dir/release/gardefou" target/packaging
cargo deb --no-build --locked --output target/packaging/
ls target/packaging/*.deb
