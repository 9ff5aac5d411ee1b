"""A CDK-shaped description of a stack's AWS resources as plain data, and the `app.py` command line.

No aws-cdk: `synth` prints a CloudFormation-like template, `deploy` writes it under the stack's
`.deploy/<env>/` folder (template.json plus an append-only history.jsonl) and prints what changed
since the last deploy to that environment, `diff` prints the changes without writing anything.
"""
import argparse
import datetime
import hashlib
import json
import os
import sys
from pathlib import Path

from . import config, demo, files


class Stack:
    """A named set of resources built for one environment's settings."""

    def __init__(self, name, settings):
        self.name = name
        self.settings = settings
        self.resources = {}

    def add(self, resource_type, logical_id, **properties):
        if logical_id in self.resources:
            raise ValueError(f"{self.name}: duplicate resource {logical_id}")
        self.resources[logical_id] = {"Type": resource_type, "Properties": properties}
        return logical_id

    def template(self):
        return {
            "Description": f"{self.name} ({self.settings['env']})",
            "Resources": self.resources,
            "Tags": {"shipgate:env": self.settings["env"], "shipgate:stack": self.name},
        }


def diff(old, new):
    """Resource ids added, changed and removed between two templates (old may be None)."""
    before = (old or {}).get("Resources", {})
    after = new["Resources"]
    return {
        "added": sorted(set(after) - set(before)),
        "changed": sorted(key for key in set(after) & set(before) if after[key] != before[key]),
        "removed": sorted(set(before) - set(after)),
    }


def _describe(stack, changes):
    counts = ", ".join(f"{len(ids)} {kind}" for kind, ids in changes.items())
    lines = [f"{stack.name} ({stack.settings['env']}): {len(stack.resources)} resources; {counts}"]
    for kind, sign in (("added", "+"), ("changed", "~"), ("removed", "-")):
        lines.extend(f"  {sign} {key} {stack.template()['Resources'].get(key, {}).get('Type', '')}".rstrip() for key in changes[kind])
    return "\n".join(lines)


def deploy(stack, stack_dir, environ=None, now=None):
    """Writes the template and a history line under `.deploy/<env>/`; returns the changes."""
    environ = os.environ if environ is None else environ
    target = Path(stack_dir) / ".deploy" / stack.settings["env"]
    template = stack.template()
    changes = diff(files.read_json(target / "template.json"), template)
    files.write_json(target / "template.json", template)
    digest = hashlib.sha256(json.dumps(template, sort_keys=True).encode()).hexdigest()
    entry = {
        "stack": stack.name,
        "env": stack.settings["env"],
        "build": environ.get("SHIPGATE_BUILD") or environ.get("GITHUB_SHA") or "local",
        "at": (now or datetime.datetime.now(datetime.timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "template_sha256": digest,
        "changes": changes,
    }
    with open(target / "history.jsonl", "a", encoding="utf-8") as history:
        history.write(json.dumps(entry, sort_keys=True) + "\n")
    return changes


def main(build, stack_dir, argv=None):
    """The `app.py` command line: `ls`, `synth`, `diff`, `deploy`, each with `--env` (default SHIPGATE_ENV)."""
    stack_dir = Path(stack_dir).resolve()
    parser = argparse.ArgumentParser(prog="app.py", description=f"Resources of the {stack_dir.name} stack.")
    parser.add_argument("command", choices=["ls", "synth", "diff", "deploy"])
    parser.add_argument("--env", default=None, help="environment (default: $SHIPGATE_ENV or development)")
    args = parser.parse_args(argv)
    try:
        settings = config.load_settings(stack_dir, args.env or None)
    except config.ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    stack = build(settings)
    if args.command == "ls":
        print(stack.name)
    elif args.command == "synth":
        print(json.dumps(stack.template(), indent=2, sort_keys=True))
    elif args.command == "diff":
        previous = files.read_json(stack_dir / ".deploy" / settings["env"] / "template.json")
        print(_describe(stack, diff(previous, stack.template())))
    else:
        message = demo.forced_failure(stack_dir.name, "deploy")
        if message:
            print(f"error: {message}", file=sys.stderr)
            return 1
        print(_describe(stack, deploy(stack, stack_dir)))
        print(f"wrote {Path('.deploy') / settings['env'] / 'template.json'}")
    return 0
