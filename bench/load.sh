#!/usr/bin/env bash
# Bounded load benchmark of `armsflow serve` on loopback (issue 6).
#
# Builds the release binary, serves a temporary data dir holding the Feb-2026
# register from ../shared (the SYNTHETIC demo when it is absent), and runs wrk
# against the imports-of-a-country endpoint for DURATION seconds. Targets on
# the 2-core machine: >= 20,000 requests/s and p99 < 5 ms. Traffic goes to
# 127.0.0.1 only, and every process started here is stopped on exit.
#
#   bench/load.sh                # 20 s, 2 wrk threads, 32 connections
#   DURATION=10 CONNECTIONS=64 bench/load.sh
#   LOAD_SKIP_BUILD=1 bench/load.sh   # reuse target/release/armsflow as built
#
# Needs wrk (Debian: apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-20}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
PORT="${PORT:-18181}"
URL_PATH="${URL_PATH:-/api/imports?country=KAZ&period=2020-2024}"

if [ "$DURATION" -gt 120 ]; then
  echo "load.sh: DURATION is capped at 120 s" >&2
  DURATION=120
fi
command -v wrk >/dev/null || { echo "load.sh: wrk not found (apt-get install -y wrk)" >&2; exit 1; }

if [ "${LOAD_SKIP_BUILD:-0}" != 1 ]; then
  echo "load.sh: building the release binary"
  cargo build --release -q -p armsflow-cli
fi
BIN="${CARGO_TARGET_DIR:-target}/release/armsflow"

DATA="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT

SHARED="${ARMSFLOW_SHARED_DIR:-../shared}"
REG="$SHARED/data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv"
if [ -f "$REG" ]; then
  "$BIN" import "$REG" --data-dir "$DATA" >/dev/null
  DATASET="Feb-2026 SIPRI register"
else
  echo "load.sh: $REG not found: benchmarking the SYNTHETIC demo instead" >&2
  DATASET="SYNTHETIC demo (scale 1)"
fi

"$BIN" serve --data-dir "$DATA" --bind "127.0.0.1:$PORT" >"$DATA/serve.log" 2>&1 &
SERVER_PID=$!
URL="http://127.0.0.1:$PORT$URL_PATH"
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/health" 2>/dev/null && break
  sleep 0.1
done
curl -fsS -o /dev/null "$URL" || { echo "load.sh: server did not answer" >&2; cat "$DATA/serve.log" >&2; exit 1; }

CMD="wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency '$URL'"
echo "load.sh: $CMD"
OUT="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$URL")"
echo "$OUT"

RPS="$(echo "$OUT" | awk '/Requests\/sec/ {print $2}')"
P99="$(echo "$OUT" | awk '$1 == "99%" {print $2}')"
ERRORS="$(echo "$OUT" | awk '/Non-2xx|Socket errors/ {print}')"
to_ms() { # wrk prints 812.00us, 1.23ms or 1.02s
  case "$1" in
    *us) echo "$1" | sed 's/us$//' | awk '{printf "%.3f", $1/1000}' ;;
    *ms) echo "$1" | sed 's/ms$//' ;;
    *s) echo "$1" | sed 's/s$//' | awk '{printf "%.3f", $1*1000}' ;;
  esac
}
P99_MS="$(to_ms "$P99")"
PASS="$(awk -v r="$RPS" -v p="$P99_MS" 'BEGIN { print (r >= 20000 && p < 5) ? "PASS" : "FAIL" }')"

echo
echo "| date | dataset | cores | command | requests/s | p99 | errors | verdict |"
echo "|---|---|---|---|---|---|---|---|"
echo "| $(date -u +%Y-%m-%d) | $DATASET | $(nproc) | \`$CMD\` | $RPS | $P99 | ${ERRORS:-none} | $PASS (target >= 20,000 req/s, p99 < 5 ms) |"
[ "$PASS" = PASS ] || [ "${LOAD_STRICT:-0}" != 1 ] || exit 1
