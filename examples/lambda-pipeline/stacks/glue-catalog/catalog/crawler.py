"""A crawler over the lake's silver and gold layers: one table definition per table folder."""
from pathlib import Path

from pipeline_common import files

from . import infer


def partition_values(table_dir, path):
    """The (key, value) pairs of the `key=value` folders between the table folder and a file."""
    return [tuple(part.split("=", 1)) for part in Path(path).relative_to(table_dir).parts[:-1] if "=" in part]


def crawl_table(table_dir, bucket, layer, database, sample):
    paths = sorted(Path(table_dir).rglob("part-*.jsonl"))
    rows, partitions, keys = [], set(), []
    for path in paths:
        values = partition_values(table_dir, path)
        keys = keys or [key for key, _ in values]
        partitions.add(tuple(value for _, value in values))
        if len(rows) < sample:
            rows.extend(files.read_jsonl(path)[: sample - len(rows)])
    partition_keys = [infer.infer_columns([{key: values[index]} for values in sorted(partitions)])[0]
                      for index, key in enumerate(keys)]
    name = Path(table_dir).name
    return {
        "Name": f"{layer}_{name}",
        "DatabaseName": database,
        "TableType": "EXTERNAL_TABLE",
        "Parameters": {"classification": "json", "layer": layer, "files": str(len(paths))},
        "StorageDescriptor": {"Columns": infer.infer_columns(rows, exclude=keys), "Location": f"s3://{bucket}/{layer}/{name}/"},
        "PartitionKeys": partition_keys,
        "Partitions": [list(values) for values in sorted(partitions)] if keys else [],
    }


def crawl(lake_root, bucket, database, layers=("silver", "gold"), sample=1000):
    """Table definitions for every non-empty table folder of `layers`, sorted by name."""
    tables = []
    for layer in layers:
        folder = Path(lake_root) / bucket / layer
        for table_dir in sorted(p for p in folder.glob("*") if p.is_dir() and not p.name.startswith(".")):
            if any(table_dir.rglob("part-*.jsonl")):
                tables.append(crawl_table(table_dir, bucket, layer, database, sample))
    return tables
