#!/usr/bin/env python3
"""Alternating A/B timing of `armsflow import` on one file, for changes too
small for hyperfine on a noisy machine: hyperfine runs one command's runs
back to back, so a drift of the machine (page cache, memory reclaim) lands
on one side. Here the binaries take turns (ABBA order), each run into a fresh
data dir, and the medians are compared.

    bench/ab.py RUNS FILE BIN [BIN ...]       # BIN may be VAR=value@/path/to/armsflow

Prints median, 25th percentile, minimum and mean wall time per binary (ms),
including the process start (as hyperfine -N does, plus Python's spawn).
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    runs, path, bins = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    times = {b: [] for b in bins}
    data = os.path.join(tempfile.mkdtemp(prefix="armsflow-ab-"), "data")
    warmup = 3
    for i in range(runs + warmup):
        for b in bins if i % 2 == 0 else bins[::-1]:
            env, exe = dict(os.environ), b
            if "@" in b:
                var, exe = b.split("@", 1)
                key, value = var.split("=", 1)
                env[key] = value
            shutil.rmtree(data, ignore_errors=True)
            t = time.perf_counter()
            subprocess.run([exe, "import", "--data-dir", data, path],
                           stdout=subprocess.DEVNULL, check=True, env=env)
            if i >= warmup:
                times[b].append((time.perf_counter() - t) * 1000)
    shutil.rmtree(os.path.dirname(data), ignore_errors=True)
    for b in bins:
        t = sorted(times[b])
        print(f"{b}: median {statistics.median(t):.2f}  p25 {t[len(t) // 4]:.2f}  "
              f"min {t[0]:.2f}  mean {statistics.mean(t):.2f} ms ({len(t)} runs)")


if __name__ == "__main__":
    main()
