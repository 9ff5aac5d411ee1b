"""Locating the example's folders and importing a sibling stack's package (an upstream in shipgate.yml)."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STACKS = ROOT / "stacks"


def stack_dir(name):
    path = STACKS / name
    if not path.is_dir():
        raise LookupError(f"no stack folder {path}")
    return path


def use(name):
    """Makes the packages of stack `name` importable and returns its folder."""
    path = stack_dir(name)
    if str(path) not in sys.path:
        sys.path.append(str(path))
    return path
