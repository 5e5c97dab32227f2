#!/usr/bin/env bash
# Builds the portable archive target/packaging/gardefou-<version>-linux-<arch>.tar.gz: the
# release binary, README, licence texts, desktop entry, icons, MIME type, manual page,
# completions, and install-user.sh, which installs them in the user's own folders (no root).
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
arch="$(uname -m)"
target_dir="${CARGO_TARGET_DIR:-target}"
[ -x "$target_dir/release/gardefou" ] || cargo build --release --locked
name="gardefou-$version-linux-$arch"
stage="target/packaging/$name"
rm -rf "$stage"
mkdir -p "$stage/share" "$stage/licenses"
cp "$target_dir/release/gardefou" "$stage/"
cp README.md LICENSE "$stage/"
cp assets/fonts/NotoSans-OFL.txt "$stage/licenses/"
cargo metadata --format-version 1 --locked | python3 -c '
import json, sys
meta = json.load(sys.stdin)
print("# Third-party components\n")
print("The crates Garde-fou\x27s build resolves (name, version, licence; some serve only other systems or the tests):\n")
for p in sorted(meta["packages"], key=lambda p: p["name"]):
    if p["name"] != "gardefou":
        licence = p.get("license") or "see its repository"
        print("- {} {}: {}".format(p["name"], p["version"], licence))
print("\nThe dossier embeds Noto Sans, under the SIL Open Font License 1.1 (NotoSans-OFL.txt).")
' > "$stage/licenses/THIRD-PARTY.md"
cp assets/packaging/gardefou.desktop assets/packaging/gardefou-mime.xml assets/packaging/gardefou.svg "$stage/share/"
cp assets/packaging/gardefou-*.png "$stage/share/"
scripts/gen-assets.sh "$stage/gardefou" "$stage/share"
cp assets/packaging/install-user.sh "$stage/"
chmod 755 "$stage/install-user.sh" "$stage/gardefou"
tar -C target/packaging -czf "target/packaging/$name.tar.gz" "$name"
echo "target/packaging/$name.tar.gz"
