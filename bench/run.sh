#!/usr/bin/env bash
# Reproducible benchmark: armsflow vs the DuckDB CLI vs python + pandas, as whole
# processes, on the same Parquet file (the store's flows.parquet), and imports
# against DuckDB's CSV-to-Parquet conversion of the same CSV file. Every row of
# issue 16's table is measured in one run, with peak memory (/usr/bin/time -v).
#
#   bench/run.sh            # real-data questions + scale-1000 all-pairs
#   SCALE=100 bench/run.sh  # a smaller synthetic register
#   SKIP_SCALE=1 bench/run.sh
#
# Needs: hyperfine and /usr/bin/time (apt-get install -y hyperfine time), python3.
# DuckDB CLI and pandas come from PyPI into bench/.venv (duckdb-cli, pandas, pyarrow).
# The SIPRI register is read from the shared directory, never copied into the repo;
# all generated data goes to $BENCH_DIR (default /tmp/armsflow-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${ARMSFLOW_SHARED_DIR:-$ROOT/../shared}
REGISTER=$SHARED/data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv
WORK=${BENCH_DIR:-/tmp/armsflow-bench}
SCALE=${SCALE:-1000}
RUNS=${RUNS:-20}
OUT=$WORK/results
mkdir -p "$WORK" "$OUT"

command -v hyperfine >/dev/null || { echo "bench: install hyperfine (apt-get install -y hyperfine)"; exit 1; }
VENV=${BENCH_VENV:-$ROOT/bench/.venv}
if [ ! -x "$VENV/bin/duckdb" ] || ! "$VENV/bin/python" -c 'import pandas, pyarrow, duckdb' 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q duckdb-cli duckdb pandas pyarrow
fi
PY=$VENV/bin/python
DUCK=$VENV/bin/duckdb

cargo build --release -q -p armsflow-cli
AF=${CARGO_TARGET_DIR:-$ROOT/target}/release/armsflow

# --- real register -----------------------------------------------------------
if [ ! -f "$REGISTER" ]; then
    echo "SKIPPED: $REGISTER not found (set ARMSFLOW_SHARED_DIR)"; exit 1
fi
REAL=$WORK/real
if ! ls "$REAL"/releases/*/flows.parquet >/dev/null 2>&1; then
    "$AF" import --data-dir "$REAL" "$REGISTER" >/dev/null
fi
FLOWS=$(ls "$REAL"/releases/*/flows.parquet | head -1)
# A query file with the Parquet path (and window) filled in, so that DuckDB runs
# without a shell around it, like the other two.
duck() { # flows, query, [y0, y1] -> path of a complete .sql file
    local f=$WORK/$2-$(basename "$(dirname "$1")").sql
    { printf "SET VARIABLE flows = '%s';\nSET VARIABLE y0 = %s;\nSET VARIABLE y1 = %s;\n" \
        "$1" "${3:-0}" "${4:-0}"; cat "$ROOT/bench/$2.sql"; } >"$f"
    echo "$f"
}

run() { # name, then commands
    local name=$1; shift
    hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$OUT/$name.json" \
        --export-markdown "$OUT/$name.md" "$@"
    cat "$OUT/$name.md"; echo
}

# Peak memory (max RSS, kB) and elapsed time of one run of a command.
peak() { # label, command...
    local label=$1; shift
    /usr/bin/time -v "$@" >/dev/null 2>"$OUT/time.txt" || { cat "$OUT/time.txt"; return 1; }
    awk -v l="$label" -F': ' '/Maximum resident/ {kb=$2} /Elapsed/ {el=$2} END {print l "\t" kb "\t" el}' \
        "$OUT/time.txt" | tee -a "$OUT/memory.tsv"
}
: >"$OUT/memory.tsv"

echo "## Query path: imports Kazakhstan 2020-2024 vs the process floor (--version) and DuckDB"
# Median of RUNS (20 by default); warm-up runs let the first one map the
# release's flows.cols (and rebuild a cache of an older layout).
run query \
    -n version "$AF --version" \
    -n armsflow "$AF imports Kazakhstan --period 2020-2024 --data-dir $REAL" \
    -n duckdb "$DUCK -csv -f $(duck "$FLOWS" kazakhstan)"

# Imports (real register; the scale register below, after the queries'
# release is in place): bench/import.sh, same work dir and results.
AF=$AF DUCK=$DUCK BENCH_DIR=$WORK SKIP_SCALE=1 bench/import.sh

echo "## Kazakhstan question (2020-2024, both denominators)"
run kazakhstan \
    -n armsflow "$AF pair Russia Kazakhstan --period 2020-2024 --data-dir $REAL --format csv" \
    -n duckdb "$DUCK -csv -f $(duck "$FLOWS" kazakhstan)" \
    -n pandas "$PY $ROOT/bench/queries.py kazakhstan $FLOWS"

echo "## Top 25 exporters 2020-2024"
run top25 \
    -n armsflow "$AF top exporters --period 2020-2024 --limit 25 --data-dir $REAL --format csv" \
    -n duckdb "$DUCK -csv -f $(duck "$FLOWS" top25)" \
    -n pandas "$PY $ROOT/bench/queries.py top25 $FLOWS"

echo "## HTTP API on uncached queries: distinct (country, window) per request, DuckDB in-process on the same"
"$PY" "$ROOT/bench/http_uncached.py" "$AF" "$REAL" -n "${HTTP_N:-1000}" -c "${HTTP_CLIENTS:-4}" \
    --json "$OUT/http_uncached.json" | tee "$OUT/http_uncached.md"
echo

# --- synthetic scale register ------------------------------------------------
if [ -z "${SKIP_SCALE:-}" ]; then
    S=$WORK/scale$SCALE
    CSV=$WORK/scale$SCALE.csv
    # IMPORT_SCALE=0 reuses a release imported by an earlier run.
    if [ "${IMPORT_SCALE:-1}" != 0 ] || ! ls "$S"/releases/*/flows.parquet >/dev/null 2>&1; then
        AF=$AF DUCK=$DUCK BENCH_DIR=$WORK SKIP_REAL=1 KEEP_RELEASE=1 SCALE=$SCALE bench/import.sh
    fi
    SF=$(ls "$S"/releases/*/flows.parquet | head -1)
    LAST=$("$PY" -c "import json,glob;print(json.load(open(glob.glob('$S/releases/*/release.json')[0]))['last_year'])")
    Y0=$((LAST - 4))
    echo "## All-pairs shares + HHI, SYNTHETIC scale $SCALE, $Y0-$LAST"
    RUNS=${SCALE_RUNS:-5} run allpairs \
        -n armsflow "$AF concentration --all --period $Y0-$LAST --data-dir $S --format csv" \
        -n duckdb "$DUCK -csv -f $(duck "$SF" allpairs $Y0 $LAST)" \
        -n pandas "$PY $ROOT/bench/queries.py allpairs $SF $Y0 $LAST"
    echo "## All-pairs output against DuckDB's, to 1e-12"
    "$AF" concentration --all --period $Y0-$LAST --data-dir $S --format parquet -o "$OUT/allpairs.parquet"
    "$PY" "$ROOT/bench/allpairs_check.py" "$OUT/allpairs.parquet" "$SF" "$(dirname "$SF")/entities.parquet" \
        $Y0 $LAST | tee "$OUT/allpairs_check.txt"
    echo "## Peak memory of the all-pairs query"
    peak "armsflow allpairs scale $SCALE" $AF concentration --all --period $Y0-$LAST --data-dir $S --format csv
    peak "duckdb allpairs scale $SCALE" $DUCK -csv -f "$(duck "$SF" allpairs $Y0 $LAST)"
    peak "pandas allpairs scale $SCALE" $PY $ROOT/bench/queries.py allpairs $SF $Y0 $LAST
fi
echo "## Medians"
python3 "$ROOT/bench/summarize.py" "$OUT" | tee "$OUT/summary.md"
[ -f "$OUT/http_uncached.md" ] && { echo; cat "$OUT/http_uncached.md"; } | tee -a "$OUT/summary.md"
[ -f "$OUT/allpairs_check.txt" ] && { echo; cat "$OUT/allpairs_check.txt"; } | tee -a "$OUT/summary.md"
echo "load average: $(cut -d" " -f1-3 /proc/loadavg)" | tee -a "$OUT/summary.md"
echo "results in $OUT"
