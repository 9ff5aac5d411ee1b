#!/usr/bin/env python3
"""Side by side on a corpus: actionlint (expression, type, needs, matrix, action kinds) and zizmor
(--offline --no-config; template-injection, dangerous-triggers, excessive-permissions,
unpinned-uses, artipacked) against shipgate's rules, then what shipgate reports that neither does.
Also times the three tools (median of 3).

Matching:
- actionlint: same file and line.
- zizmor template-injection: zizmor points at the context inside the `run:`/`script:` value and
  reports one finding per context; shipgate does the same under `template-injection`
  (attacker-controlled fields) or `script-expansion` (everything else not known safe). Counted by
  file + step (any of those findings inside the step zizmor names) and, stricter, by file + line.
- zizmor unpinned-uses, artipacked: file + step (the step's line range); unpinned also by line.
- excessive-permissions, dangerous-triggers: file (the tools anchor them differently).
zizmor runs once over all files with --no-config (per-file runs pick up a neighbouring `zizmor.yml`
workflow as configuration and fail); when one file aborts that run, file by file.

usage: bench/compare-peers.py CORPUS_DIR SHIPGATE_BINARY ACTIONLINT_BINARY ZIZMOR_BINARY [--list N]
"""
import collections, glob, json, os, statistics, subprocess, sys, time

corpus, shipgate, actionlint, zizmor = sys.argv[1:5]
show = int(sys.argv[sys.argv.index("--list") + 1]) if "--list" in sys.argv else 40
files = sorted(f for f in glob.glob(os.path.join(corpus, "**", "*.y*ml"), recursive=True))

EXPRESSION_RULES = {"expression-syntax", "expression-type", "expression-context", "expression-github", "expression-needs",
                    "expression-steps", "expression-matrix", "expression-inputs", "if-always-true", "if-constant"}
AL_MAP = {"expression": EXPRESSION_RULES, "type": EXPRESSION_RULES, "needs": {"needs", "expression-needs"},
          "matrix": {"expression-matrix", "matrix"},
          "action": {"action-inputs", "unknown-key", "step-kind", "uses", "local-action", "action-runtime"}}
INJECTION = {"template-injection", "script-expansion"}
ZZ_MAP = {"template-injection": (INJECTION, "step"), "unpinned-uses": ({"unpinned-action"}, "step"),
          "artipacked": ({"credential-persistence"}, "step"), "dangerous-triggers": ({"dangerous-trigger"}, "file"),
          "excessive-permissions": ({"excessive-permissions"}, "file")}
SECURITY_RULES = set().union(*[rules for rules, _ in ZZ_MAP.values()])


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def timed(cmd, repeat=3):
    times = []
    for _ in range(repeat):
        start = time.perf_counter(); run(cmd); times.append(time.perf_counter() - start)
    return statistics.median(times)


shipgate_cmd = [shipgate, "lint", "--format", "json", *files]
actionlint_cmd = [actionlint, "-shellcheck=", "-pyflakes=", "-format", "{{json .}}", *files]
zizmor_cmd = [zizmor, "--offline", "--no-config", "--format", "json", *files]

ours = collections.defaultdict(list)  # (path, rule) -> [(line, message)]
for d in json.loads(run(shipgate_cmd).stdout or "[]"):
    ours[(os.path.abspath(d["file"]), d["rule"])].append((d["line"], d["message"]))

al = [e for e in json.loads(run(actionlint_cmd).stdout or "[]") if e["kind"] in AL_MAP]

def zizmor_findings():
    """All findings of one run; when one file aborts the run, file by file (skipping those that fail)."""
    try:
        return json.loads(run(zizmor_cmd).stdout)
    except json.JSONDecodeError:
        found = []
        for f in files:
            try:
                found += json.loads(run(zizmor_cmd[:-len(files)] + [f]).stdout)
            except json.JSONDecodeError:
                print(f"zizmor fails on {os.path.relpath(f, corpus)}; skipped")
        return found


zz = []  # (path, ident, line, first step line, last step line)
for finding in zizmor_findings():
    if finding["ident"] not in ZZ_MAP:
        continue
    locations = finding["locations"]
    primary = next((l for l in locations if l["symbolic"]["kind"] == "Primary"), locations[0])
    step = next((l for l in locations if l["symbolic"].get("annotation") == "this step"), primary)
    path = os.path.abspath(primary["symbolic"]["key"]["Local"]["verbatim_path"])
    span = step["concrete"]["location"]
    zz.append((path, finding["ident"], primary["concrete"]["location"]["start_point"]["row"] + 1,
               span["start_point"]["row"] + 1, span["end_point"]["row"] + 1))


def lines(path, rules):
    return {line for rule in rules for line, _ in ours.get((path, rule), [])}


print(f"files: {len(files)}")
missed = []
al_hits = collections.Counter(); al_totals = collections.Counter()
for e in al:
    ok = e["line"] in lines(os.path.abspath(e["filepath"]), AL_MAP[e["kind"]])
    al_totals[e["kind"]] += 1; al_hits[e["kind"]] += ok
    if not ok:
        missed.append(f"  actionlint {e['kind']}: {os.path.relpath(e['filepath'], corpus)}:{e['line']}: {e['message'][:160]}")
print(f"actionlint expression/type/needs/matrix/action findings: {len(al)}, shipgate also reports {sum(al_hits.values())}"
      + "".join(f"\n  {kind}: {al_totals[kind]} → {al_hits[kind]}" for kind in sorted(al_totals)))

by_kind = collections.defaultdict(lambda: [0, 0, 0])
for path, ident, line, first, last in zz:
    rules, scope = ZZ_MAP[ident]
    found = lines(path, rules)
    in_scope = bool(found) if scope == "file" else any(first <= l <= last for l in found)
    counts = by_kind[ident]
    counts[0] += 1; counts[1] += in_scope; counts[2] += line in found
    if not in_scope:
        missed.append(f"  zizmor {ident}: {os.path.relpath(path, corpus)}:{line}")
for ident, (total, hit, exact) in sorted(by_kind.items()):
    scope = ZZ_MAP[ident][1]
    extra = f" (same line: {exact})" if scope == "step" else ""
    print(f"zizmor {ident}: {total}, shipgate also reports {hit} by {'file + step' if scope == 'step' else 'file'}{extra}")

theirs_lines = {(os.path.abspath(e["filepath"]), e["line"]) for e in al}
zz_spans = collections.defaultdict(list)
for path, _, line, first, last in zz:
    zz_spans[path].append((min(first, line), max(last, line)))
only = collections.defaultdict(list)
for (path, rule), found in ours.items():
    for line, message in found:
        if rule in EXPRESSION_RULES | {"needs", "matrix", "action-inputs", "action-runtime"} and (path, line) not in theirs_lines:
            only[rule].append((path, line, message))
        elif rule in SECURITY_RULES - {"excessive-permissions", "dangerous-trigger"} and \
                not any(a <= line <= b for a, b in zz_spans[path]) and (path, line) not in theirs_lines:
            only[rule].append((path, line, message))
print(f"shipgate findings neither peer reports: {sum(map(len, only.values()))}"
      + "".join(f"\n  {rule}: {len(found)}" for rule, found in sorted(only.items())))
for rule, found in sorted(only.items()):
    for path, line, message in sorted(found)[:show]:
        print(f"    {os.path.relpath(path, corpus)}:{line} [{rule}] {message[:140]}")
print(f"missed ({len(missed)}):")
print("\n".join(missed[:show]))
t_ours, t_al, t_zz = timed(shipgate_cmd), timed(actionlint_cmd), timed(zizmor_cmd)
print(f"wall time, median of 3: shipgate {t_ours:.3f}s, actionlint {t_al:.3f}s, zizmor {t_zz:.3f}s; "
      f"shipgate/actionlint {t_ours / t_al:.2f}")
