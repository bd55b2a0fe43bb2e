#!/usr/bin/env bash
# Builds fuzz targets, then runs them one at a time (see docs/reliability.md).
#   fuzz/run.sh [SECONDS] [TARGET...]     default: 600 s each, every target
# Needs cargo-fuzz (`cargo install cargo-fuzz`). Stable Rust works through
# RUSTC_BOOTSTRAP=1, which unlocks the -Z flags cargo-fuzz passes.
# All targets are built before the first run and the built binaries are run
# directly, so every run fuzzes the same snapshot of the sources.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-600}"; shift || true
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/armsflow/fuzz-target}"
features="${FUZZ_FEATURES-engine claims server toml}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo fuzz list)
logs="${FUZZ_LOGS:-$PWD/logs}"
mkdir -p "$logs"
triple="$(rustc -vV | sed -n 's/^host: //p')"
bin="$CARGO_TARGET_DIR/$triple/release"
for t in "${targets[@]}"; do
  nice -n 19 cargo fuzz build --features "$features" "$t"
done
status=0
for t in "${targets[@]}"; do
  # New inputs go to corpus/ (ignored by git); seeds/ holds the hand-written ones.
  mkdir -p "corpus/$t" "seeds/$t" "artifacts/$t"
  echo "== $t for ${secs}s (log: $logs/$t.log)"
  rc=0
  nice -n 19 "$bin/$t" -artifact_prefix="artifacts/$t/" -max_total_time="$secs" \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "corpus/$t" "seeds/$t" \
    >"$logs/$t.log" 2>&1 || rc=$?
  grep -aE "INITED|DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb|panicked|ERROR|SUMMARY" "$logs/$t.log" || true
  echo "== $t exit $rc"
  [ "$rc" = 0 ] || status=1
done
exit "$status"
