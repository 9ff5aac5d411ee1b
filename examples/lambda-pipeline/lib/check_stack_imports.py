"""Checks that shipgate.yml's depends_on is honest: a stack's code may only import its own package,
lib/, and the packages of stacks it depends on (directly or through others).

Usage: python3 lib/check_stack_imports.py   (exit 1 and one line per violation when it is not)
"""
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline_common import project  # noqa: E402
from pipeline_common.stacks import ROOT  # noqa: E402

IMPORT = re.compile(r"^\s*(?:from|import)\s+([a-z_][a-z0-9_]*)", re.MULTILINE)
USE = re.compile(r"stacks\.use\(\s*\"([a-z0-9-]+)\"\s*\)")


def packages(stacks):
    """{package name: stack} for every package folder at the top of a stack."""
    owners = {}
    for name, stack in stacks.items():
        for init in sorted((ROOT / stack["path"]).glob("*/__init__.py")):
            owners[init.parent.name] = name
    return owners


def violations():
    stacks = project.read_stacks()
    owners = packages(stacks)
    found = []
    for name, stack in stacks.items():
        allowed = project.upstream(stacks, name) | {name}
        for path in sorted((ROOT / stack["path"]).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            used = {owners[p] for p in IMPORT.findall(text) if p in owners} | set(USE.findall(text))
            for other in sorted(used - allowed):
                found.append(f"{path.relative_to(ROOT)}: uses stack {other}, which {name} does not depend on in shipgate.yml")
    return found


if __name__ == "__main__":
    problems = violations()
    print("\n".join(problems) if problems else f"stack imports match shipgate.yml ({len(project.read_stacks())} stacks)")
    sys.exit(1 if problems else 0)
