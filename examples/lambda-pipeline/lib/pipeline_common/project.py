"""Reads the stack graph (names, paths, depends_on) from the example's shipgate.yml.

Not a YAML parser: it understands the layout shipgate.yml uses here (stack names indented two
spaces under `stacks:`, `path:` and `depends_on: [a, b]` indented four) and fails loudly otherwise.
"""
import re

from .stacks import ROOT

STACK = re.compile(r"^  ([a-z0-9][a-z0-9-]*):\s*(#.*)?$")
FIELD = re.compile(r"^    (path|depends_on):\s*(.*?)\s*(#.*)?$")


def read_stacks(path=ROOT / "shipgate.yml"):
    """{stack: {"path": str, "depends_on": [str]}} in file order."""
    stacks, current, in_stacks = {}, None, False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            in_stacks, current = line.rstrip() == "stacks:", None
            continue
        if not in_stacks:
            continue
        if match := STACK.match(line):
            current = stacks.setdefault(match[1], {"path": None, "depends_on": []})
        elif (match := FIELD.match(line)) and current is not None:
            if match[1] == "path":
                current["path"] = match[2]
            elif match[2].startswith("[") and match[2].endswith("]"):
                current["depends_on"] = [name.strip() for name in match[2][1:-1].split(",") if name.strip()]
            else:
                raise ValueError(f"{path}:{number}: write depends_on as a flow list, e.g. [a, b]")
    for name, stack in stacks.items():
        unknown = [dep for dep in stack["depends_on"] if dep not in stacks]
        if unknown:
            raise ValueError(f"{path}: {name} depends on unknown stack {', '.join(unknown)}")
    return stacks


def upstream(stacks, name):
    """Every stack `name` depends on, directly or through others."""
    seen, todo = set(), list(stacks[name]["depends_on"])
    while todo:
        dep = todo.pop()
        if dep not in seen:
            seen.add(dep)
            todo.extend(stacks[dep]["depends_on"])
    return seen
