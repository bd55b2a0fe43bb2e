#!/usr/bin/env bash
# Property-based API testing with schemathesis (PyPI) against the server's own
# OpenAPI document, on loopback, for a bounded time (issue 6).
#
# Serves a temporary data dir (the Feb-2026 register from ../shared when it is
# there, else the SYNTHETIC demo) with an admin token, so the import endpoint
# is exercised too, and fails on any server error or any response that does not
# match the document (status code, content type, headers, body schema).
#
#   scripts/schemathesis.sh            # 120 s budget
#   MAX_TIME=300 scripts/schemathesis.sh
#
# Two checks are left out on purpose: `negative_data_rejection` (the API is
# lenient by design: a blank parameter means its default, unknown parameters
# are ignored) and `positive_data_acceptance` (a schema-valid country name may
# still be unknown, which is a 404 with suggestions). The `coverage` phase is
# skipped because schemathesis 4.32 crashes in it with an internal KeyError.
set -euo pipefail
cd "$(dirname "$0")/.."

MAX_TIME="${MAX_TIME:-120}"
PORT="${PORT:-18182}"
VENV="${SCHEMATHESIS_VENV:-${CARGO_TARGET_DIR:-target}/schemathesis-venv}"
VERSION="4.32.5"

if [ ! -x "$VENV/bin/schemathesis" ]; then
  echo "schemathesis.sh: installing schemathesis $VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis==$VERSION"
fi

cargo build -q -p armsflow-cli
BIN="${CARGO_TARGET_DIR:-target}/debug/armsflow"

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
else
  echo "schemathesis.sh: $REG not found: testing against the SYNTHETIC demo" >&2
fi

TOKEN="schemathesis-token-$$"
"$BIN" serve --data-dir "$DATA" --bind "127.0.0.1:$PORT" --admin-token "$TOKEN" >"$DATA/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/health" 2>/dev/null && break
  sleep 0.1
done

"$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/api/openapi.json" \
  --checks all \
  --exclude-checks negative_data_rejection,positive_data_acceptance \
  --phases examples,fuzzing,stateful \
  --max-examples 50 \
  --max-time "$MAX_TIME" \
  --workers 2 \
  -H "Authorization: Bearer $TOKEN"
