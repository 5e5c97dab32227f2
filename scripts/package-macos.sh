#!/usr/bin/env bash
# macOS only (the release workflow's macos job): wraps target/release/gardefou in Garde-fou.app
# (Info.plist declaring the .aipd.ron document type, icon from the 256 px PNG via sips and
# iconutil) and puts it in target/packaging/gardefou-<tag>-macos.dmg with hdiutil.
# Usage: scripts/package-macos.sh TAG
set -euo pipefail
cd "$(dirname "$0")/.."
tag="${1:-dev}"
app="target/packaging/Garde-fou.app"
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp target/release/gardefou "$app/Contents/MacOS/gardefou"
iconset="target/packaging/gardefou.iconset"
mkdir -p "$iconset"
for size in 16 32 128 256; do
  sips -z "$size" "$size" assets/packaging/gardefou-256.png --out "$iconset/icon_${size}x${size}.png" >/dev/null
done
iconutil -c icns "$iconset" -o "$app/Contents/Resources/gardefou.icns"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
cat > "$app/Contents/Info.plist" <<PLIST
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
  <key>CFBundleName</key><string>Garde-fou</string>
  <key>CFBundleIdentifier</key><string>fr.garde-fou.app</string>
  <key>CFBundleExecutable</key><string>gardefou</string>
  <key>CFBundleIconFile</key><string>gardefou.icns</string>
  <key>CFBundleShortVersionString</key><string>$version</string>
  <key>CFBundlePackageType</key><string>APPL</string>
  <key>CFBundleDocumentTypes</key><array><dict>
    <key>CFBundleTypeName</key><string>Garde-fou assessment</string>
    <key>CFBundleTypeExtensions</key><array><string>ron</string></array>
    <key>CFBundleTypeRole</key><string>Editor</string>
  </dict></array>
</dict></plist>
PLIST
hdiutil create -volname "Garde-fou" -srcfolder "$app" -ov -format UDZO "target/packaging/gardefou-$tag-macos.dmg"
