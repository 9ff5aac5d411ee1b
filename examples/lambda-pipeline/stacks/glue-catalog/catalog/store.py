"""The catalog file: table definitions with versions; schema changes that would break readers are refused."""
from pipeline_common import files

from . import infer


class SchemaChangeError(Exception):
    """A crawl would remove or narrow a column of a table readers depend on."""


def compare(old, new):
    """Columns added, removed and retyped between two definitions of a table."""
    before = {c["Name"]: c["Type"] for c in old["StorageDescriptor"]["Columns"] + old["PartitionKeys"]}
    after = {c["Name"]: c["Type"] for c in new["StorageDescriptor"]["Columns"] + new["PartitionKeys"]}
    return {
        "added": sorted(set(after) - set(before)),
        "removed": sorted(set(before) - set(after)),
        "retyped": sorted((n, before[n], after[n]) for n in set(before) & set(after) if before[n] != after[n]),
    }


def breaking(changes):
    return changes["removed"] + [f"{n} {a}→{b}" for n, a, b in changes["retyped"] if not infer.is_widening(a, b)]


def update(path, database, crawled):
    """Merges a crawl into the catalog file; returns {table: "created" | "updated" | "unchanged"}."""
    catalog = files.read_json(path, default={"Database": database, "Tables": {}})
    report = {}
    for table in crawled:
        old = catalog["Tables"].get(table["Name"])
        if old is None:
            catalog["Tables"][table["Name"]] = {**table, "Version": 1}
            report[table["Name"]] = "created"
            continue
        problems = breaking(compare(old, table))
        if problems:
            raise SchemaChangeError(f"{path}: table {table['Name']} would break readers: {', '.join(problems)}")
        schema_changed = any(compare(old, table).values())
        catalog["Tables"][table["Name"]] = {**table, "Version": old["Version"] + schema_changed}
        report[table["Name"]] = "updated" if schema_changed else "unchanged"
    files.write_json(path, catalog)
    return report
