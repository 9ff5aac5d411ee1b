"""A stream kept in a folder, one JSON-lines file a shard: the local stand-in for Kinesis."""
import json
from pathlib import Path

from . import batching, shards


class LocalStream:
    def __init__(self, folder, shard_count):
        self.folder = Path(folder)
        self.shard_count = shard_count
        self.folder.mkdir(parents=True, exist_ok=True)

    def shard_ids(self):
        return [f"shardId-{n:012d}" for n in range(self.shard_count)]

    def _path(self, shard_id):
        return self.folder / f"{shard_id}.jsonl"

    def _count(self, shard_id):
        path = self._path(shard_id)
        if not path.exists():
            return 0
        with open(path, encoding="utf-8") as handle:
            return sum(1 for _ in handle)

    def put_records(self, records):
        """Appends one PutRecords batch; returns the (shard id, sequence number) of each record."""
        if len(batching.batches(records)) > 1:
            raise ValueError("one PutRecords call takes at most 500 records and 5 MiB")
        ids = self.shard_ids()
        next_sequence = {}
        results = []
        for record in records:
            shard_id = ids[shards.shard_for(record["partition_key"], self.shard_count)]
            sequence = next_sequence.get(shard_id, self._count(shard_id)) + 1
            next_sequence[shard_id] = sequence
            entry = {"sequence": f"{sequence:020d}", "partition_key": record["partition_key"], "data": record["data"]}
            with open(self._path(shard_id), "a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry) + "\n")
            results.append((shard_id, entry["sequence"]))
        return results

    def get_records(self, shard_id, after_sequence=None, limit=100):
        """Up to `limit` records of a shard after `after_sequence` (from the start when None)."""
        path = self._path(shard_id)
        if not path.exists():
            return []
        with open(path, encoding="utf-8") as handle:
            entries = [json.loads(line) for line in handle]
        return [e for e in entries if after_sequence is None or e["sequence"] > after_sequence][:limit]


def publish(stream, change_records, batch_size):
    """Puts DMS change records on the stream keyed by table and primary key; returns the number of calls."""
    records = [{"partition_key": f"{rec['metadata']['table-name']}:{rec['data']['id']}", "data": json.dumps(rec, sort_keys=True)}
               for rec in change_records]
    calls = batching.batches(records, max_records=batch_size)
    for batch in calls:
        stream.put_records(batch)
    return len(calls)
