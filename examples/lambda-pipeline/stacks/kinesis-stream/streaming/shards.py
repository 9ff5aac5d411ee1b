"""Kinesis routing: the MD5 of the partition key picks the shard whose hash-key range holds it."""
import hashlib

HASH_SPACE = 2 ** 128


def hash_key(partition_key):
    return int(hashlib.md5(partition_key.encode("utf-8")).hexdigest(), 16)


def ranges(shard_count):
    """The (first, last) hash keys of each shard, splitting the space evenly as CreateStream does."""
    if shard_count < 1:
        raise ValueError("a stream needs at least one shard")
    size = HASH_SPACE // shard_count
    return [(n * size, HASH_SPACE - 1 if n == shard_count - 1 else (n + 1) * size - 1) for n in range(shard_count)]


def shard_for(partition_key, shard_count):
    key = hash_key(partition_key)
    for index, (first, last) in enumerate(ranges(shard_count)):
        if first <= key <= last:
            return index
    raise AssertionError("hash key outside every range")
