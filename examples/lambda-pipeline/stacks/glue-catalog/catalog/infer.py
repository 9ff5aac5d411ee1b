"""Column types inferred from JSON values, widened as a crawler sees more rows."""
import re

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
WIDENINGS = {frozenset({"bigint", "double"}): "double", frozenset({"date", "timestamp"}): "timestamp"}


def value_type(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "bigint"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str) and DATE.match(value):
        return "date"
    if isinstance(value, str) and TIMESTAMP.match(value):
        return "timestamp"
    return "string"


def merge(a, b):
    """The narrowest type holding values of both `a` and `b` (None means no value seen yet)."""
    if a is None or a == b:
        return b
    if b is None:
        return a
    return WIDENINGS.get(frozenset({a, b}), "string")


def infer_columns(rows, exclude=()):
    """[{Name, Type}] in the order columns first appear; a column only ever null is a string."""
    types = {}
    for row in rows:
        for name, value in row.items():
            if name not in exclude:
                types[name] = merge(types.get(name), value_type(value))
    return [{"Name": name, "Type": kind or "string"} for name, kind in types.items()]


def is_widening(old, new):
    return old == new or new == "string" or WIDENINGS.get(frozenset({old, new})) == new
