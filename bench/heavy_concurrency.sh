#!/usr/bin/env bash
# Concurrency run (issue 12): CLIENTS concurrent heavy requests (release
# diffs, all-pairs switching, claim checks; every one distinct, so neither the
# cache nor single-flight absorbs them) against `armsflow serve` over the two
# real registers in ../shared, sampling the server's memory and threads during
# the burst and after the clients have given up. Bounded, 127.0.0.1 only,
# every process started here is stopped on exit.
#
#   bench/heavy_concurrency.sh                # 64 clients, 10 s client timeout
#   CLIENTS=64 CLIENT_TIMEOUT=10 bench/heavy_concurrency.sh
#
# Env: ARMSFLOW_BIN (default: the debug build), ARMSFLOW_SHARED_DIR (default
# ../shared), PORT (18251). Without the shared data it uses two SYNTHETIC
# releases (scale SCALE, default 20).
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS="${CLIENTS:-64}"
CLIENT_TIMEOUT="${CLIENT_TIMEOUT:-10}"
PORT="${PORT:-18251}"
SCALE="${SCALE:-20}"
shared="${ARMSFLOW_SHARED_DIR:-$PWD/../shared}"

if [ -z "${ARMSFLOW_BIN:-}" ]; then
  cargo build -q -p armsflow-cli
  ARMSFLOW_BIN="${CARGO_TARGET_DIR:-$PWD/target}/debug/armsflow"
fi
bin="$ARMSFLOW_BIN"
out="$(mktemp -d -t armsflow-heavy.XXXXXX)"
data="$out/data"
a="$shared/data/sipri/colasdroin-trade-register-2025/trade-register.csv"
b="$shared/data/sipri/nagehanrdogan-trade-register-2026/trade_register.csv"
article="$shared/seed/article-kazakhstan-abraham-accords-de.txt"
if [ -f "$a" ] && [ -f "$b" ]; then
  "$bin" import "$a" --data-dir "$data" >/dev/null
  "$bin" import "$b" --data-dir "$data" >/dev/null
  echo "heavy: serving the 2025 and 2026 registers"
else
  "$bin" demo-data --scale "$SCALE" --seed 1 -o "$out/a.csv" >/dev/null
  "$bin" demo-data --scale "$SCALE" --seed 2 -o "$out/b.csv" >/dev/null
  "$bin" import "$out/a.csv" --data-dir "$data" >/dev/null
  "$bin" import "$out/b.csv" --data-dir "$data" >/dev/null
  echo "heavy: serving two SYNTHETIC releases (scale $SCALE)"
fi
[ -f "$article" ] || article=/dev/null

"$bin" serve --bind "127.0.0.1:$PORT" --data-dir "$data" >"$out/server.log" 2>&1 &
srv=$!
trap 'kill "$srv" 2>/dev/null || true; wait "$srv" 2>/dev/null || true' EXIT
for _ in $(seq 200); do
  curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break
  sleep 0.1
done

set +e
python3 - "$PORT" "$CLIENTS" "$CLIENT_TIMEOUT" "$srv" "$article" <<'PY'
import sys, time, threading, http.client, collections

port, clients, pid = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[4])
timeout = float(sys.argv[3])
article = open(sys.argv[5], "rb").read() or b"From 2020 to 2024, 88 % of Kazakhstan's arms imports came from Russia."

def status():
    d = {}
    for line in open(f"/proc/{pid}/status"):
        k, v = line.split(":", 1)
        d[k] = v.strip()
    return int(d["VmRSS"].split()[0]) // 1024, int(d["Threads"])

def cpu():
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / 100.0

rss0, thr0 = status()
samples = []
stop = False
def sampler():
    while not stop:
        samples.append((time.time(),) + status())
        time.sleep(0.2)
threading.Thread(target=sampler, daemon=True).start()

results = collections.Counter()
retry_after = [0]
lock = threading.Lock()
def one(i):
    kind = i % 3
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        if kind == 0:
            c.request("GET", f"/api/diff?threshold={i + 1}&limit=50", headers={"Host": "localhost"})
        elif kind == 1:
            c.request("GET", f"/api/switching?min_tiv={i}&limit=10", headers={"Host": "localhost"})
        else:
            c.request("POST", f"/api/claims?x={i}", body=article + b" " * i,
                      headers={"Host": "localhost", "Content-Type": "text/plain; charset=utf-8"})
        r = c.getresponse()
        r.read()
        with lock:
            results[(["diff", "switching", "claims"][kind], r.status)] += 1
            if r.status == 503 and r.getheader("Retry-After"):
                retry_after[0] += 1
    except Exception as e:
        with lock:
            results[(["diff", "switching", "claims"][kind], "client timeout" if "timed out" in str(e) else type(e).__name__)] += 1

t0 = time.time()
cpu0 = cpu()
ts = [threading.Thread(target=one, args=(i,)) for i in range(clients)]
for t in ts: t.start()
for t in ts: t.join()
burst = time.time() - t0
t_clients_done = time.time()
# Abandoned work must stop: watch CPU and threads for 20 s after the clients are gone.
cpu_done = cpu()
time.sleep(5)
cpu_5 = cpu()
time.sleep(15)
cpu_20 = cpu()
stop = True
time.sleep(0.3)
rss_max = max(s[1] for s in samples)
thr_max = max(s[2] for s in samples)
rss_end, thr_end = status()
print(f"{clients} concurrent heavy requests, client timeout {timeout} s, burst {burst:.1f} s")
for k in sorted(results, key=str):
    print(f"  {k[0]:10} {k[1]}: {results[k]}")
print(f"  503 answers with Retry-After: {retry_after[0]}")
print(f"server RSS: {rss0} MB before, {rss_max} MB at most, {rss_end} MB 20 s after")
print(f"server threads: {thr0} before, {thr_max} at most, {thr_end} 20 s after")
print(f"server CPU after the clients were done: {cpu_5 - cpu_done:.1f} s in the next 5 s, "
      f"{cpu_20 - cpu_5:.1f} s in the 15 s after that")
PY
status=$?
grep -q panicked "$out/server.log" && { echo "heavy: server panicked"; status=1; }
echo "heavy: abandoned requests: $(grep -c 'left the queue before' "$out/server.log") left the queue, $(grep -c 'queued work was skipped' "$out/server.log") skipped at start, $(grep -c 'stopped or finished unused' "$out/server.log") stopped or finished unused"
kill -0 "$srv" && echo "heavy: server still running"
exit $status
