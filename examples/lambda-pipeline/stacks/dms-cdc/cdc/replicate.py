"""A replication task: full load on its first run, then the changes since its high-water mark."""
import datetime
from collections import defaultdict
from pathlib import Path

from pipeline_common import files

from . import capture


def partition_dir(lake_root, bucket, table, timestamp):
    return Path(lake_root) / bucket / "bronze" / "cdc" / table / f"dt={timestamp[:10]}"


def write_batch(records, lake_root, bucket, max_per_file):
    """Writes records grouped by table and day, at most `max_per_file` a file; returns the paths written."""
    groups = defaultdict(list)
    for rec in records:
        groups[(rec["metadata"]["table-name"], rec["metadata"]["timestamp"][:10])].append(rec)
    paths = []
    for (table, _), group in sorted(groups.items()):
        folder = partition_dir(lake_root, bucket, table, group[0]["metadata"]["timestamp"])
        for start in range(0, len(group), max_per_file):
            chunk = group[start:start + max_per_file]
            if chunk[0]["seq"] == 0:
                name = f"LOAD{start // max_per_file + 1:08d}.jsonl"
            else:
                name = f"cdc-{chunk[0]['seq']:012d}-{chunk[-1]['seq']:012d}.jsonl"
            files.write_jsonl(folder / name, chunk)
            paths.append(folder / name)
    return paths


class ReplicationTask:
    """Replicates `tables` of `conn` into the lake, remembering its position in `state_path`."""

    def __init__(self, conn, tables, lake_root, bucket, state_path, max_per_file, clock=None):
        self.conn = conn
        self.tables = tables
        self.lake_root = lake_root
        self.bucket = bucket
        self.state_path = Path(state_path)
        self.max_per_file = max_per_file
        self.clock = clock or (lambda: datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ"))

    def run_once(self):
        """One step: the full load when there is no state yet, else one batch of changes."""
        state = files.read_json(self.state_path)
        if state is None:
            capture.enable(self.conn, self.tables)
            timestamp = self.clock()
            records = [rec for table in self.tables for rec in capture.snapshot(self.conn, table, timestamp)]
            position = capture.last_seq(self.conn)
        else:
            records = capture.read_changes(self.conn, state["last_seq"], self.max_per_file)
            position = records[-1]["seq"] if records else state["last_seq"]
        paths = write_batch(records, self.lake_root, self.bucket, self.max_per_file)
        files.write_json(self.state_path, {"last_seq": position})
        return {"records": len(records), "files": paths, "last_seq": position}

    def run(self):
        """Steps until caught up; returns the number of records and the files written."""
        records, written = 0, []
        while True:
            full_load = not self.state_path.exists()
            step = self.run_once()
            records += step["records"]
            written += step["files"]
            if not full_load and step["records"] < self.max_per_file:
                return {"records": records, "files": written, "last_seq": step["last_seq"]}
