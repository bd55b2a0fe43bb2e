#!/usr/bin/env bash
# Slow-client run (issue 12): `armsflow serve` limited to 1,024 open files,
# 1,100 connections that send nothing (and some that trickle a header a byte
# at a time), while a normal client asks /api/health every 0.5 s. Bounded:
# HOLD seconds of attack (default 30), 127.0.0.1 only, and every process
# started here is stopped on exit.
#
#   bench/slow_clients.sh                  # 1,100 idle connections for 30 s
#   IDLE=1100 TRICKLE=100 HOLD=30 bench/slow_clients.sh
#
# Env: ARMSFLOW_BIN (default: the debug build, built if missing), PORT (18241).
set -euo pipefail
cd "$(dirname "$0")/.."

IDLE="${IDLE:-1100}"
TRICKLE="${TRICKLE:-100}"
HOLD="${HOLD:-30}"
PORT="${PORT:-18241}"
[ "$HOLD" -gt 120 ] && HOLD=120

if [ -z "${ARMSFLOW_BIN:-}" ]; then
  cargo build -q -p armsflow-cli
  ARMSFLOW_BIN="${CARGO_TARGET_DIR:-$PWD/target}/debug/armsflow"
fi
out="$(mktemp -d -t armsflow-slow.XXXXXX)"
mkdir -p "$out/data"
# An empty data dir serves the SYNTHETIC demo: no import needed.
prlimit --nofile=1024:1024 "$ARMSFLOW_BIN" serve --bind "127.0.0.1:$PORT" --data-dir "$out/data" \
  >"$out/server.log" 2>&1 &
srv=$!
trap 'kill "$srv" 2>/dev/null || true; wait "$srv" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break
  sleep 0.1
done
echo "slow_clients: server pid $srv, open-files limit $(prlimit --pid "$srv" --nofile --noheadings -o SOFT)"

set +e
python3 - "$PORT" "$IDLE" "$TRICKLE" "$HOLD" "$srv" <<'PY'
import resource, socket, sys, time, threading, os, http.client

port, idle, trickle, hold, pid = map(int, sys.argv[1:6])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))

def fds():
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return -1

socks, opened, refused = [], 0, 0
for i in range(idle + trickle):
    s = socket.socket()
    s.setblocking(False)
    try:
        s.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    except OSError:
        refused += 1
        continue
    socks.append(s)
    opened += 1
print(f"opened {opened} connections ({idle} idle, {trickle} trickling), {refused} refused")

stop = time.time() + hold
def trickler():
    line = b"GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"a" * 10000
    pos = 0
    while time.time() < stop:
        for s in socks[idle:]:
            try:
                s.send(line[pos:pos + 1])
            except OSError:
                pass
        pos += 1
        time.sleep(1)
threading.Thread(target=trickler, daemon=True).start()

lat, fails, maxfds = [], 0, 0
while time.time() < stop:
    t = time.time()
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
        c.request("GET", "/api/health", headers={"Host": "localhost"})
        r = c.getresponse()
        r.read()
        c.close()
        if r.status == 200:
            lat.append(time.time() - t)
        else:
            fails += 1
    except Exception as e:
        fails += 1
        print("normal request failed:", e)
    maxfds = max(maxfds, fds())
    time.sleep(0.5)

# How many of the attack connections the server has closed by now.
closed = 0
for s in socks:
    try:
        s.setblocking(False)
        if s.recv(1) == b"":
            closed += 1
    except BlockingIOError:
        pass
    except OSError:
        closed += 1
lat.sort()
n = len(lat)
if n:
    print(f"normal requests: {n} answered, {fails} failed; latency p50 {lat[n // 2] * 1000:.0f} ms, "
          f"max {lat[-1] * 1000:.0f} ms")
else:
    print(f"normal requests: none answered, {fails} failed")
print(f"server fds at most {maxfds}; attack connections closed by the server after {hold} s: {closed}/{len(socks)}")
for s in socks:
    s.close()
sys.exit(0 if n and fails == 0 else 1)
PY
status=$?
if grep -q "panicked" "$out/server.log"; then echo "slow_clients: server panicked"; status=1; fi
kill -0 "$srv" && echo "slow_clients: server still running"
grep -c "accept failed" "$out/server.log" | sed 's/^/slow_clients: accept errors logged: /' || true
exit $status
