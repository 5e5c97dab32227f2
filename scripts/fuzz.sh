#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a fixed time (default 600 s each, two at a time on
# this 2-core machine) from its seed corpus, with limits that catch a hang or a memory blow-up
# as a failure (512 MB of memory, 10 s per input, inputs up to 1 MiB), then prints runs and
# crashes per target. Inputs that
# crash are left in fuzz/artifacts/<target>/; copy them to fuzz/corpus/<target>/seed-* (kept by
# git) so they stay regression inputs. Exits 1 if any target crashed.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-600}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(project_reader csv_import pia_import pdf_reopen logo_decode geojson_positions plan_background document_paths)
fi
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
# cargo-fuzz needs nightly flags; the stable toolchain accepts them with RUSTC_BOOTSTRAP.
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
mkdir -p target/fuzz-logs
run() {
  local target="$1"
  mkdir -p "corpus/$target" "artifacts/$target"
  cargo fuzz run -O "$target" -- -max_total_time="$seconds" \
    -rss_limit_mb=512 -timeout=10 -max_len=1048576 \
    >"target/fuzz-logs/$target.log" 2>&1 || true
}
running=0
for target in "${targets[@]}"; do
  run "$target" &
  running=$((running + 1))
  if [ "$running" -ge 2 ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait
crashed=0
echo "| target | runs | seconds | crashes |"
echo "|---|---:|---:|---:|"
for target in "${targets[@]}"; do
  done_line=$(grep -E "^Done [0-9]+ runs in [0-9]+ second" "target/fuzz-logs/$target.log" | tail -1 || true)
  runs=$(echo "$done_line" | awk '{print $2}')
  secs=$(echo "$done_line" | awk '{print $5}')
  crashes=$(find "artifacts/$target" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  [ "$crashes" -gt 0 ] && crashed=1
  echo "| $target | ${runs:-none (see target/fuzz-logs/$target.log)} | ${secs:-–} | $crashes |"
done
exit "$crashed"
