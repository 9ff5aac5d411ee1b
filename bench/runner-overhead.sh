#!/usr/bin/env bash
# Runner overhead: 100 suites of `true` with -j 2 against `xargs -P 2 -n 1 sh -c true`, same run.
# Goal: under 20 ms of overhead per suite.
source "$(dirname "$0")/common.sh"
RUNS=${RUNS:-7}
build_release
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" && git init -q && mkdir app && touch app/x
{ echo "stacks:"; echo "  app:"; echo "    path: app"; echo "    suites:"
  for i in $(seq 1 100); do echo "      s$i: { run: 'true' }"; done; } > shipgate.yml
ours=(); peer=()
for _ in $(seq "$RUNS"); do
  ours+=("$(time_ms "$SHIPGATE" test -j 2)")
  peer+=("$(time_ms sh -c 'seq 100 | xargs -P 2 -n 1 sh -c true')")
done
m_ours=$(printf '%s\n' "${ours[@]}" | median)
m_peer=$(printf '%s\n' "${peer[@]}" | median)
echo "shipgate test -j 2 (100 suites): median ${m_ours} ms  [${ours[*]}]"
echo "xargs -P 2 -n 1 sh -c true:      median ${m_peer} ms  [${peer[*]}]"
awk -v a="$m_ours" -v b="$m_peer" 'BEGIN { printf "overhead per suite: %.2f ms (goal < 20 ms); ratio %.2f\n", (a - b) / 100, a / b }'
