"""Where tables live in the lake (`<root>/<bucket>/<layer>/<table>/[key=value/]part-NNNNN.jsonl`) and reading/writing them."""
import os
import shutil
import zlib
from pathlib import Path

from pipeline_common import files

LAYERS = ("bronze", "silver", "gold")


class Lake:
    def __init__(self, root, bucket):
        self.root = Path(root)
        self.bucket = bucket
        self.base = self.root / bucket

    def table_dir(self, layer, table):
        if layer not in LAYERS:
            raise ValueError(f"unknown layer {layer}; use one of {', '.join(LAYERS)}")
        return self.base / layer / table

    def write_table(self, layer, table, rows, partition_by=None, parts=1):
        """Replaces the table with `rows`, split by the `partition_by` column and hashed into `parts` files a partition."""
        groups = {}
        for row in rows:
            key = None if partition_by is None else f"{partition_by}={row[partition_by]}"
            groups.setdefault(key, []).append({k: v for k, v in row.items() if k != partition_by})
        final = self.table_dir(layer, table)
        staging = final.with_name(f".{table}.tmp-{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        for key, group in groups.items():
            folder = staging if key is None else staging / key
            buckets = [[] for _ in range(parts)]
            for row in group:
                buckets[zlib.crc32(repr(sorted(row.items())).encode()) % parts].append(row)
            for n, bucket_rows in enumerate(buckets):
                if bucket_rows:
                    files.write_jsonl(folder / f"part-{n:05d}.jsonl", bucket_rows)
        retired = final.with_name(f".{table}.old-{os.getpid()}")
        if final.exists():
            final.rename(retired)
        staging.rename(final)
        shutil.rmtree(retired, ignore_errors=True)
        return final

    def read_table(self, layer, table):
        """Every row of a table, with partition columns restored from the folder names."""
        folder = self.table_dir(layer, table)
        rows = []
        for path in sorted(folder.rglob("part-*.jsonl")):
            partition = dict(part.split("=", 1) for part in path.relative_to(folder).parts[:-1])
            rows.extend({**row, **partition} for row in files.read_jsonl(path))
        return rows

    def tables(self, layer):
        folder = self.base / layer
        return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")) if folder.exists() else []

    def bronze_changes(self, table):
        """The change records DMS landed for `table` (bronze/cdc/<table>/dt=*/…)."""
        return files.read_jsonl_tree(self.base / "bronze" / "cdc" / table)

    def bronze_latest_landing(self, resource):
        """Items of the newest completed API landing of `resource` (bronze/api/<resource>/dt=*/ with a manifest)."""
        folder = self.base / "bronze" / "api" / resource
        done = sorted(p for p in folder.glob("dt=*") if (p / "_manifest.json").exists()) if folder.exists() else []
        if not done:
            return []
        return [item for page in sorted(done[-1].glob("page-*.json")) for item in files.read_json(page)]
