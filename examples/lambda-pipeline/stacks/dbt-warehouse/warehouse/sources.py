"""Sources: the lake's silver tables loaded into the warehouse as `silver_<table>`, typed from the catalog's inference."""
from pipeline_common import stacks

stacks.use("datalake")
stacks.use("glue-catalog")
from catalog import infer  # noqa: E402
from lake import layout  # noqa: E402

SQLITE_TYPES = {"bigint": "INTEGER", "double": "REAL", "boolean": "INTEGER"}


def load(conn, lake_root, bucket, tables):
    """Creates and fills `silver_<table>` for each table; returns the row counts."""
    lake = layout.Lake(lake_root, bucket)
    counts = {}
    for table in tables:
        rows = lake.read_table("silver", table)
        columns = infer.infer_columns(rows)
        if not columns:
            raise LookupError(f"silver table {table} of bucket {bucket} is empty or missing")
        names = [c["Name"] for c in columns]
        relation = f"silver_{table}"
        conn.execute(f"DROP TABLE IF EXISTS {relation}")
        spec = ", ".join(f"{c['Name']} {SQLITE_TYPES.get(c['Type'], 'TEXT')}" for c in columns)
        conn.execute(f"CREATE TABLE {relation} ({spec})")
        conn.executemany(f"INSERT INTO {relation} VALUES ({', '.join('?' for _ in names)})", [tuple(r.get(n) for n in names) for r in rows])
        counts[relation] = len(rows)
    conn.commit()
    return counts
