#!/usr/bin/env bash
# Bounded soak of `armsflow serve` (issue 8): a fixed request rate on loopback
# for a fixed time, sampling the server's memory, then a verdict. Not in CI.
#
#   scripts/soak.sh [SECONDS] [REQUESTS_PER_SECOND]      default: 600 s at 200/s
#
# Env: ARMSFLOW_BIN (binary; default: release build via cargo), SOAK_FILE (a file
# to import and serve; default: a SYNTHETIC scale-1 register from demo-data),
# SOAK_PORT (default 18931), SOAK_OUT (directory for logs; default a temp dir).
# The load is open-loop: request k is due at start + k/rate whatever the
# latency, so a slow server shows up as lateness, not as a lower rate. Queries
# vary over countries, periods and categories (about 10^5 distinct URLs, more
# than the response cache holds), so an unbounded cache would show as growing
# memory. Exit status 0 only with zero errors and flat memory (RSS over the
# second half of the run grows by at most 5 % or 4 MB).
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:-600}"
rate="${2:-200}"
port="${SOAK_PORT:-18931}"
out="${SOAK_OUT:-$(mktemp -d -t armsflow-soak.XXXXXX)}"
mkdir -p "$out"
data="$out/data"

if [ -z "${ARMSFLOW_BIN:-}" ]; then
  nice -n 19 cargo build --release -q -p armsflow-cli
  ARMSFLOW_BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/armsflow"
fi
bin="$ARMSFLOW_BIN"

file="${SOAK_FILE:-}"
if [ -z "$file" ]; then
  file="$out/synthetic.csv"
  "$bin" demo-data --scale 1 --seed 42 -o "$file" >/dev/null
fi
"$bin" import "$file" --data-dir "$data" >/dev/null
echo "soak: serving $(basename "$file") (data dir $data) on 127.0.0.1:$port"

"$bin" serve --bind "127.0.0.1:$port" --data-dir "$data" >"$out/server.log" 2>&1 &
server=$!
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
trap cleanup EXIT

for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "soak: server exited:"; cat "$out/server.log"; exit 1; }
  sleep 0.1
done

# RSS (kB) of the server every 10 s, with seconds since start.
rss="$out/rss.tsv"
(
  t0=$(date +%s)
  while kill -0 "$server" 2>/dev/null; do
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$server/status" 2>/dev/null || echo 0)
    echo -e "$(( $(date +%s) - t0 ))\t$kb" >>"$rss"
    sleep 10
  done
) &
sampler=$!

python3 - "$port" "$secs" "$rate" "$out/load.json" <<'PY'
import http.client, json, random, sys, threading, time
port, secs, rate, report = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
countries = ["KAZ", "RUS", "USA", "IND", "CHN", "TUR", "ISR", "Kazakhstan", "Russia", "Turkiye", "UAE"]
cats = ["", "&category=aircraft", "&category=missiles", "&category=ships"]
def url(k):
    # Fresh, deterministic per request: the query space (~10^5) outgrows the
    # server's response cache, so its bound is exercised, not just its hits.
    rng = random.Random(k)
    a = rng.randrange(1995, 2024); b = rng.randrange(a, 2025)
    per, c, c2 = f"{a}-{b}", rng.choice(countries), rng.choice(countries)
    cat = rng.choice(cats)
    return rng.choice([
        (f"/api/imports?country={c}&period={per}{cat}", 200),
        (f"/api/exports?country={c}&period={per}{cat}", 200),
        (f"/api/top?direction=exporters&period={per}&limit=25{cat}", 200),
        (f"/api/concentration?country={c}", 200),
        (f"/api/pair?supplier={c}&recipient={c2}&period={per}", 200),
        (f"/api/search?q={c[:4]}", 200),
        ("/api/releases", 200),
        ("/api/health", 200),
        (f"/api/imports?country={c}&period={b}-{a - 1}", 400),   # reversed period
        ("/api/imports?country=Atlantis", 404),                    # unknown country
    ])
n_total = int(secs * rate)
lock = threading.Lock()
state = {"next": 0, "ok": 0, "errors": 0, "late_max": 0.0, "samples": []}
errs = {}
t0 = time.monotonic()
def worker():
    conn = None
    while True:
        with lock:
            k = state["next"]; state["next"] += 1
        if k >= n_total:
            break
        due = t0 + k / rate
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        path, want = url(k)
        start = time.monotonic()
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", path)
            resp = conn.getresponse(); resp.read()
            ok, why = resp.status == want, f"HTTP {resp.status} (want {want}) {path}"
        except Exception as e:
            ok, why = False, f"{type(e).__name__}: {e}"
            conn = None
        end = time.monotonic()
        with lock:
            if ok:
                state["ok"] += 1
            else:
                state["errors"] += 1
                errs[why] = errs.get(why, 0) + 1
            state["late_max"] = max(state["late_max"], start - due)
            if k % 10 == 0:
                state["samples"].append(end - start)
threads = [threading.Thread(target=worker) for _ in range(16)]
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.monotonic() - t0
lat = sorted(state["samples"]) or [0.0]
q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000
res = {"requests": n_total, "ok": state["ok"], "errors": state["errors"],
       "seconds": round(elapsed, 1), "achieved_rate": round(n_total / elapsed, 1),
       "p50_ms": round(q(0.5), 2), "p99_ms": round(q(0.99), 2), "max_ms": round(lat[-1] * 1000, 2),
       "max_lateness_ms": round(state["late_max"] * 1000, 1), "error_kinds": errs}
json.dump(res, open(report, "w"), indent=1)
print(json.dumps(res))
PY

kill -0 "$server" 2>/dev/null || { echo "soak: server died during the run"; cat "$out/server.log"; exit 1; }
kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$server/status")
echo -e "end\t$kb" >>"$rss"
echo "soak: RSS series (seconds, kB):"
tr '\n' ' ' <"$rss"; echo
# Flat: over the second half of the run (after caches and allocator pools have
# filled) RSS grows by at most 5 % or 4 MB.
verdict=$(awk -F'\t' -v half="$((secs / 2))" '
  warm == "" && $1 != "end" && $1 >= half { warm = $2 } { last = $2; if ($2 > max) max = $2 }
  END {
    grow = last - warm
    flat = (warm != "" && (grow <= warm * 0.05 || grow <= 4096))
    printf "rss_half_kb=%d rss_last_kb=%d rss_max_kb=%d growth_2nd_half_kb=%d %s\n", warm, last, max, grow, flat ? "FLAT" : "GROWING"
  }' "$rss")
errors=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['errors'])" "$out/load.json")
echo "soak: errors=$errors $verdict (logs in $out)"
[ "$errors" = 0 ] && [[ "$verdict" == *FLAT ]]
