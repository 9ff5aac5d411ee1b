"""At-least-once consumption: a shard's checkpoint moves only after its handler succeeded."""
from pipeline_common import files


class CheckpointStore:
    """The last processed sequence number of each shard, in a JSON file rewritten atomically."""

    def __init__(self, path):
        self.path = path
        self.positions = files.read_json(path, default={})

    def get(self, shard_id):
        return self.positions.get(shard_id)

    def set(self, shard_id, sequence):
        self.positions[shard_id] = sequence
        files.write_json(self.path, self.positions)


def consume(stream, checkpoints, handler, limit=100):
    """One pass over every shard: hands each new batch to `handler`, then checkpoints it; returns the count."""
    processed = 0
    for shard_id in stream.shard_ids():
        entries = stream.get_records(shard_id, checkpoints.get(shard_id), limit)
        if entries:
            handler(entries)
            checkpoints.set(shard_id, entries[-1]["sequence"])
            processed += len(entries)
    return processed


def consume_all(stream, checkpoints, handler, limit=100):
    total = 0
    while True:
        count = consume(stream, checkpoints, handler, limit)
        if count == 0:
            return total
        total += count
