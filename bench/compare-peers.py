#!/usr/bin/env python3
"""Side by side on a corpus: actionlint (expression, type, needs, matrix, action kinds) and zizmor
(--offline; template-injection, dangerous-triggers, excessive-permissions, unpinned-uses,
artipacked) against shipgate's rules. Matches by file and line (file only for permissions and
dangerous triggers, which the tools anchor differently). Also times the three tools.

usage: bench/compare-peers.py CORPUS_DIR SHIPGATE_BINARY ACTIONLINT_BINARY ZIZMOR_BINARY
"""
import glob, json, os, subprocess, sys, time, statistics

corpus, shipgate, actionlint, zizmor = sys.argv[1:5]
files = sorted(glob.glob(os.path.join(corpus, "**", "*.y*ml"), recursive=True))
files = [f for f in files if not f.endswith("MANIFEST.tsv")]

AL_MAP = {"expression": {"expression-syntax", "expression-type", "expression-context", "expression-github", "expression-needs",
                          "expression-steps", "expression-matrix", "expression-inputs", "if-always-true", "if-constant"},
          "type": None, "needs": {"needs", "expression-needs"}, "matrix": {"expression-matrix", "matrix"},
          "action": {"action-inputs", "unknown-key", "step-kind"}}
AL_MAP["type"] = AL_MAP["expression"]
ZZ_MAP = {"template-injection": ("template-injection", True), "dangerous-triggers": ("dangerous-trigger", False),
          "excessive-permissions": ("excessive-permissions", False), "unpinned-uses": ("unpinned-action", True),
          "artipacked": ("credential-persistence", True)}


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def timed(cmd, repeat=3):
    times = []
    for _ in range(repeat):
        start = time.perf_counter(); run(cmd); times.append(time.perf_counter() - start)
    return statistics.median(times)


ours = {}
out = run([shipgate, "lint", "--format", "json", *files]).stdout
for d in json.loads(out) if out.strip().startswith("[") else json.loads(out).get("diagnostics", []):
    ours.setdefault((os.path.abspath(d["file"]), d["ruleID"] if "ruleID" in d else d.get("rule")), set()).add(d["line"])

al = [e for e in json.loads(run([actionlint, "-shellcheck=", "-pyflakes=", "-format", "{{json .}}", *files]).stdout or "[]")
      if e["kind"] in AL_MAP]
zz = []
for f in files:
    result = run([zizmor, "--offline", "--format", "json", f])
    try:
        for finding in json.loads(result.stdout or "[]"):
            ident = finding["ident"]
            if ident not in ZZ_MAP:
                continue
            loc = finding["locations"][0]["concrete"]["location"]["start_point"]["row"] + 1
            zz.append((os.path.abspath(f), ident, loc))
    except (json.JSONDecodeError, KeyError, IndexError):
        pass


def reported(path, rules, line, by_line):
    for rule in rules:
        lines = ours.get((path, rule), set())
        if (line in lines) if by_line else lines:
            return True
    return False


print(f"files: {len(files)}")
matched, missed = 0, []
for e in al:
    ok = reported(os.path.abspath(e["filepath"]), AL_MAP[e["kind"]], e["line"], True)
    matched += ok
    if not ok: missed.append(f"  actionlint {e['kind']}: {e['filepath']}:{e['line']}: {e['message']}")
print(f"actionlint expression/type/needs/matrix/action findings: {len(al)}, shipgate also reports {matched}")
by_kind = {}
for path, ident, line in zz:
    rule, by_line = ZZ_MAP[ident]
    ok = reported(path, {rule}, line, by_line)
    total, hit = by_kind.get(ident, (0, 0))
    by_kind[ident] = (total + 1, hit + ok)
    if not ok: missed.append(f"  zizmor {ident}: {path}:{line}")
for ident, (total, hit) in sorted(by_kind.items()):
    print(f"zizmor {ident}: {total}, shipgate also reports {hit}")
theirs = {(os.path.abspath(e["filepath"]), e["line"]) for e in al} | {(p, l) for p, _, l in zz}
theirs_files = {p for p, _ in theirs}
expression_rules = set().union(*[v for v in AL_MAP.values()])
only_ours = [(p, r, l) for (p, r), lines in ours.items() for l in lines
             if r in expression_rules and (p, l) not in theirs]
print(f"shipgate expression findings neither peer reports: {len(only_ours)}")
for p, r, l in sorted(only_ours):
    print(f"  {os.path.relpath(p, corpus)}:{l} [{r}]")
print("missed:")
print("\n".join(missed[:80]))
t_ours = timed([shipgate, "lint", "--format", "json", *files])
t_al = timed([actionlint, "-shellcheck=", "-pyflakes=", "-format", "{{json .}}", *files])
print(f"wall time, median of 3: shipgate {t_ours:.3f}s, actionlint {t_al:.3f}s, ratio {t_ours / t_al:.2f}")
