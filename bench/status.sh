#!/usr/bin/env bash
# shipgate status vs git (status --porcelain=v2 --branch + rev-list ahead/behind) on a large repository.
# usage: bench/status.sh [FILES] [COMMITS]   (defaults 50000 10000; the repo is cached in /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-50000}; commits=${2:-10000}
repo=/tmp/shipgate-bench-large-$files-$commits
swift build -c release --static-swift-stdlib --product shipgate >/dev/null
bin=$PWD/.build/release/shipgate
if [ ! -d "$repo/.git" ]; then
  echo "generating $repo ($files files, $commits commits)…"
  rm -rf "$repo" "$repo-origin.git"
  python3 bench/make-large-repo.py "$repo" --files "$files" --commits "$commits"
fi
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
python3 bench/timeit.py --cwd "$repo" --runs "${RUNS:-15}" \
  "git status+rev-list=git status --porcelain=v2 --branch && git rev-list --left-right --count @{u}...HEAD" \
  "shipgate status --format json=$bin status --format json" \
  "git status only=git status --porcelain=v2 --branch" \
  "shipgate status (human)=$bin status"
