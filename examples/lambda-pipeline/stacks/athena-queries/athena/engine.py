"""Loading catalog tables into sqlite: Glue types mapped to sqlite, rows read from the table's location."""
from pathlib import Path

from pipeline_common import files

SQLITE_TYPES = {"bigint": "INTEGER", "double": "REAL", "boolean": "INTEGER", "string": "TEXT", "date": "TEXT", "timestamp": "TEXT"}


def local_path(location, lake_root):
    """`s3://bucket/prefix/` → `<lake_root>/bucket/prefix`."""
    if not location.startswith("s3://"):
        raise ValueError(f"location {location} is not an s3:// address")
    return Path(lake_root) / location[len("s3://"):].rstrip("/")


def columns(table):
    return table["StorageDescriptor"]["Columns"] + table["PartitionKeys"]


def create_table(conn, table):
    spec = ", ".join(f'"{c["Name"]}" {SQLITE_TYPES.get(c["Type"], "TEXT")}' for c in columns(table))
    conn.execute(f'DROP TABLE IF EXISTS "{table["Name"]}"')
    conn.execute(f'CREATE TABLE "{table["Name"]}" ({spec})')


def load_table(conn, table, lake_root):
    """Creates and fills one table; returns its row count."""
    create_table(conn, table)
    folder = local_path(table["StorageDescriptor"]["Location"], lake_root)
    names = [c["Name"] for c in columns(table)]
    integer_partitions = {c["Name"] for c in table["PartitionKeys"] if c["Type"] == "bigint"}
    count = 0
    for path in sorted(folder.rglob("part-*.jsonl")):
        partition = dict(part.split("=", 1) for part in path.relative_to(folder).parts[:-1])
        partition = {k: int(v) if k in integer_partitions else v for k, v in partition.items()}
        rows = [tuple({**row, **partition}.get(name) for name in names) for row in files.read_jsonl(path)]
        conn.executemany(f'INSERT INTO "{table["Name"]}" VALUES ({", ".join("?" for _ in names)})', rows)
        count += len(rows)
    conn.commit()
    return count


def load_catalog(conn, tables, lake_root):
    return {table["Name"]: load_table(conn, table, lake_root) for table in tables}
