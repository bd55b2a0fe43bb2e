#!/usr/bin/env bash
# Imports against DuckDB's CSV-to-Parquet conversion of the same CSV file, as
# whole processes in one run (issue 16):
#   1. the Feb-2026 register: hyperfine, a fresh data dir per run;
#   2. the SYNTHETIC scale-$SCALE register (25.7 M rows at 1000): one run
#      each, elapsed time and peak RSS from /usr/bin/time -v, armsflow and
#      DuckDB alternating (REPEAT pairs, default 1).
# bench/run.sh calls it; standalone:
#   BENCH_DIR=/work/bigtmp/x bench/import.sh            # both
#   SKIP_SCALE=1 bench/import.sh                         # real register only
#   SKIP_REAL=1 SCALE=100 bench/import.sh                # scale only
# Needs the armsflow release binary ($AF, else built), hyperfine,
# /usr/bin/time and the DuckDB CLI ($DUCK, else bench/.venv as run.sh makes it).
# The scale CSV and both outputs are deleted afterwards (KEEP_CSV=1 keeps the CSV).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${ARMSFLOW_SHARED_DIR:-$ROOT/../shared}
REGISTER=$SHARED/data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv
WORK=${BENCH_DIR:-/tmp/armsflow-bench}
SCALE=${SCALE:-1000}
OUT=$WORK/results
mkdir -p "$WORK" "$OUT"
if [ -z "${AF:-}" ]; then
    cargo build --release -q -p armsflow-cli
    AF=${CARGO_TARGET_DIR:-$ROOT/target}/release/armsflow
fi
DUCK=${DUCK:-$ROOT/bench/.venv/bin/duckdb}
[ -x "$DUCK" ] || { echo "bench: no DuckDB CLI at $DUCK (bench/run.sh installs it)"; exit 1; }

# DuckDB's CSV-to-Parquet conversion of a SIPRI register file: the preamble
# lines above the header are skipped; every column is converted as sniffed.
csv2parquet() { # csv, out.parquet -> path of a .sql file
    local skip f=$WORK/csv2parquet-$(basename "$2" .parquet).sql
    skip=$(grep -n -m1 '^SIPRI AT Database ID' "$1" | cut -d: -f1)
    printf "COPY (SELECT * FROM read_csv('%s', skip=%s, header=true)) TO '%s' (FORMAT parquet);\n" \
        "$1" "$((skip - 1))" "$2" >"$f"
    echo "$f"
}

# Peak memory (max RSS, kB) and elapsed time of one run of a command.
peak() { # label, command...
    local label=$1; shift
    /usr/bin/time -v "$@" >/dev/null 2>"$OUT/time.txt" || { cat "$OUT/time.txt"; return 1; }
    awk -v l="$label" -F': ' '/Maximum resident/ {kb=$2} /Elapsed/ {el=$2} END {print l "\t" kb "\t" el}' \
        "$OUT/time.txt" | tee -a "$OUT/memory.tsv"
    grep -E "User time|System time|Percent of CPU" "$OUT/time.txt" | sed 's/^\t*/    /'
}

if [ -z "${SKIP_REAL:-}" ]; then
    [ -f "$REGISTER" ] || { echo "SKIPPED: $REGISTER not found (set ARMSFLOW_SHARED_DIR)"; exit 1; }
    echo "## Import of the Feb-2026 register vs DuckDB CSV-to-Parquet"
    IMP=$WORK/import-real
    hyperfine -N --warmup 3 --runs "${IMPORT_RUNS:-10}" \
        --export-json "$OUT/import_real.json" --export-markdown "$OUT/import_real.md" \
        --prepare "rm -rf $IMP $WORK/real-duck.parquet" \
        -n armsflow "$AF import --data-dir $IMP $REGISTER" \
        -n duckdb "$DUCK -f $(csv2parquet "$REGISTER" "$WORK/real-duck.parquet")"
    cat "$OUT/import_real.md"; echo
    rm -rf "$IMP" "$WORK/real-duck.parquet"
fi

if [ -z "${SKIP_SCALE:-}" ]; then
    S=$WORK/scale$SCALE
    CSV=$WORK/scale$SCALE.csv
    echo "## Import of the SYNTHETIC scale-$SCALE register vs DuckDB CSV-to-Parquet"
    [ -f "$CSV" ] || "$AF" demo-data --scale "$SCALE" -o "$CSV"
    ls -l "$CSV"
    for _ in $(seq "${REPEAT:-1}"); do
        rm -rf "$S" "$WORK/scale-duck.parquet"
        sync
        peak "armsflow import scale $SCALE" "$AF" import --data-dir "$S" "$CSV"
        peak "duckdb csv-to-parquet scale $SCALE" "$DUCK" -f "$(csv2parquet "$CSV" "$WORK/scale-duck.parquet")"
        rm -f "$WORK/scale-duck.parquet"
    done
    [ -n "${KEEP_CSV:-}" ] || rm -f "$CSV"
    [ -n "${KEEP_RELEASE:-}" ] || rm -rf "$S"
fi
