#!/usr/bin/env bash
# Builds and runs fuzz targets one at a time (see docs/reliability.md).
#   fuzz/run.sh [SECONDS] [TARGET...]     default: 600 s each, every target
# Needs cargo-fuzz (`cargo install cargo-fuzz`). Stable Rust works through
# RUSTC_BOOTSTRAP=1, which unlocks the -Z flags cargo-fuzz passes.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-600}"; shift || true
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/armsflow/fuzz-target}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo fuzz list)
logs="${FUZZ_LOGS:-$PWD/logs}"
mkdir -p "$logs"
features="${FUZZ_FEATURES-engine claims server toml}"
for t in "${targets[@]}"; do
  nice -n 19 cargo fuzz build --features "$features" "$t"
  mkdir -p "corpus/$t" "seeds/$t"
  echo "== $t for ${secs}s (log: $logs/$t.log)"
  # New inputs go to corpus/ (ignored by git); seeds/ holds the hand-written ones.
  rc=0
  nice -n 19 cargo fuzz run --features "$features" "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    >"$logs/$t.log" 2>&1 || rc=$?
  grep -E "INITED|DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb|panicked|ERROR|SUMMARY" "$logs/$t.log" || true
  echo "== $t exit $rc"
done
