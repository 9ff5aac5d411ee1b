#!/usr/bin/env python3
"""Times shell commands side by side in one run: median wall time of N runs each, and ratios.

usage: timeit.py [--runs 15] [--cwd DIR] NAME=COMMAND NAME=COMMAND ...
Runs are interleaved (A B A B ...) so machine noise hits both alike. Prints a table; the ratio
column is each command's median over the first command's.
"""
import argparse, os, statistics, subprocess, time, resource

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=15)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--cwd", default=".")
    p.add_argument("commands", nargs="+")
    a = p.parse_args()
    cmds = [c.split("=", 1) for c in a.commands]
    times = {name: [] for name, _ in cmds}
    peak = {name: 0 for name, _ in cmds}
    for i in range(a.warmup + a.runs):
        for name, cmd in cmds:
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            r = subprocess.run(cmd, shell=True, cwd=a.cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            elapsed = time.perf_counter() - start
            if r.returncode not in (0, 1):
                raise SystemExit(f"{name} failed ({r.returncode}): {r.stderr.decode()[:400]}")
            if i >= a.warmup:
                times[name].append(elapsed)
            peak[name] = max(peak[name], resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    base = statistics.median(times[cmds[0][0]])
    print(f"{'command':<28} {'median ms':>10} {'min ms':>8} {'ratio':>7}")
    for name, _ in cmds:
        m = statistics.median(times[name])
        print(f"{name:<28} {m * 1000:>10.1f} {min(times[name]) * 1000:>8.1f} {m / base:>7.2f}")
    print(f"(runs={a.runs} each, interleaved; ratio = median / median of '{cmds[0][0]}'; max RSS of any child so far: {max(peak.values()) // 1024} MB)")

if __name__ == "__main__":
    main()
