# Shared helpers for the Stacks benchmarks: release build, timing, medians.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
build_release() {
  (cd "$ROOT" && swift build -c release -Xswiftc -static-stdlib >/dev/null)
  SHIPGATE="$ROOT/.build/release/shipgate"
}
# time_ms CMD... : wall-clock milliseconds of one run (output discarded).
time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
