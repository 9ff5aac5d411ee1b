#!/usr/bin/env bash
# Runs every stack's unit and integration suites with plain python3 (no shipgate), using the same
# commands as shipgate.yml, then checks that the stacks' imports match shipgate.yml's depends_on.
# Exits 1 when anything fails, 2 on bad usage.
#
# Usage: ./run-all-suites.sh [--env development|staging|production] [STACK...]
#        (SHIPGATE_ENV, PIPELINE_FAIL and PIPELINE_HANG are passed through to the suites)
set -u
cd "$(dirname "$0")"

if [ "${1:-}" = "--env" ]; then
  [ $# -ge 2 ] || { echo "usage: $0 [--env NAME] [STACK...]" >&2; exit 2; }
  export SHIPGATE_ENV="$2"
  shift 2
fi
export SHIPGATE_ENV="${SHIPGATE_ENV:-development}"

all_stacks=$(python3 -c 'import sys; sys.path.insert(0, "lib"); from pipeline_common import project; print("\n".join(project.read_stacks()))') || exit 2
stacks=("$@")
if [ ${#stacks[@]} -eq 0 ]; then
  mapfile -t stacks <<<"$all_stacks"
fi

unit_cmd="python3 -m unittest discover -s tests/unit"
integration_cmd="python3 ../../lib/junit_runner.py -s tests/integration -o reports/integration.xml"
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
failed=0
started=$EPOCHREALTIME

printf '%-16s %-12s %-6s %s\n' STACK SUITE RESULT SECONDS
for stack in "${stacks[@]}"; do
  if ! grep -qx -- "$stack" <<<"$all_stacks"; then
    echo "unknown stack $stack; known: $(echo $all_stacks)" >&2
    exit 2
  fi
  for suite in unit integration; do
    cmd=$unit_cmd
    [ "$suite" = integration ] && cmd=$integration_cmd
    log="$logs/$stack-$suite.log"
    t0=$EPOCHREALTIME
    if (cd "stacks/$stack" && $cmd) >"$log" 2>&1; then
      result=passed
      if [ "$suite" = integration ] && [ ! -s "stacks/$stack/reports/integration.xml" ]; then
        result=failed
        echo "no JUnit file stacks/$stack/reports/integration.xml" >>"$log"
      fi
    else
      result=failed
    fi
    seconds=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
    tests=$(grep -Eo '^Ran [0-9]+ tests?' "$log" | grep -Eo '[0-9]+' || echo "?")
    printf '%-16s %-12s %-6s %5s  (%s tests)\n' "$stack" "$suite" "$result" "$seconds" "$tests"
    if [ "$result" = failed ]; then
      failed=1
      sed 's/^/    | /' "$log" | tail -n 40
    fi
  done
done

if ! python3 lib/check_stack_imports.py; then
  failed=1
fi
total=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
echo "environment $SHIPGATE_ENV: $([ $failed = 0 ] && echo 'all suites passed' || echo 'FAILURES') in ${total}s"
exit $failed
