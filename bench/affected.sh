#!/usr/bin/env bash
# `shipgate affected` on a generated repository of 50k files with a 5k-file diff, against
# `git diff --name-only` over the same range, same run. Goal: ratio <= 1.0.
source "$(dirname "$0")/common.sh"
RUNS=${RUNS:-9}
build_release
WORK=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT; echo "work: $WORK"
cd "$WORK" && git init -q -b main && git config user.name b && git config user.email b@b
python3 - <<'PY'
import os
stacks = [f"s{i:02d}" for i in range(20)]
with open("shipgate.yml", "w") as f:
    f.write("stacks:\n")
    for i, s in enumerate(stacks):
        dep = f", depends_on: [{stacks[i-1]}]" if i % 4 else ""
        f.write(f"  {s}: {{ path: stacks/{s}{dep} }}\n")
    f.write("shared_paths: [cdk.json]\n")
for n in range(50_000):
    d = f"stacks/{stacks[n % 20]}/m{n % 50}/d{n % 7}"
    os.makedirs(d, exist_ok=True)
    with open(f"{d}/f{n}.py", "w") as f:
        f.write(f"v = {n}\n")
PY
git add -A && git commit -qm base && git branch base
# Edit exactly 5000 files across five stacks.
git ls-files 'stacks/s0[1-5]/*' | sed -n '1,5000p' | while read -r f; do echo "# edit" >> "$f"; done
git commit -qam change
changed=$(git diff --name-only base...HEAD | wc -l)
echo "files: $(git ls-files | wc -l), changed: $changed"
ours=(); peer=()
for _ in $(seq "$RUNS"); do
  ours+=("$(time_ms "$SHIPGATE" affected --base base)")
  peer+=("$(time_ms git diff --name-only base...HEAD)")
done
m_ours=$(printf '%s\n' "${ours[@]}" | median)
m_peer=$(printf '%s\n' "${peer[@]}" | median)
"$SHIPGATE" affected --base base | tail -3
echo "shipgate affected --base base:  median ${m_ours} ms  [${ours[*]}]"
echo "git diff --name-only base...HEAD: median ${m_peer} ms  [${peer[*]}]"
awk -v a="$m_ours" -v b="$m_peer" 'BEGIN { printf "ratio: %.2f (goal <= 1.0)\n", a / b }'
