"""The few DataFrame operations the jobs need: filter and group-by with aggregations."""
AGGREGATES = {
    "sum": lambda values: sum(values),
    "count": lambda values: len(values),
    "count_distinct": lambda values: len(set(values)),
    "min": lambda values: min(values),
    "max": lambda values: max(values),
}


def where(rows, predicate):
    return [row for row in rows if predicate(row)]


def group_by(rows, keys, **aggregations):
    """One row per distinct `keys`, sorted by them; each aggregation is `name=(function, column)`."""
    for name, (function, _) in aggregations.items():
        if function not in AGGREGATES:
            raise ValueError(f"{name}: unknown aggregate {function}; use one of {', '.join(sorted(AGGREGATES))}")
    groups = {}
    for row in rows:
        groups.setdefault(tuple(row[k] for k in keys), []).append(row)
    result = []
    for key in sorted(groups):
        out = dict(zip(keys, key))
        for name, (function, column) in aggregations.items():
            out[name] = AGGREGATES[function]([r[column] for r in groups[key]] if column else groups[key])
        result.append(out)
    return result
