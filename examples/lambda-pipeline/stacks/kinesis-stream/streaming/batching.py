"""PutRecords batches: at most 500 records and 5 MiB a call, 1 MiB a record."""
MAX_RECORDS = 500
MAX_BATCH_BYTES = 5 * 1024 * 1024
MAX_RECORD_BYTES = 1024 * 1024


def record_size(record):
    return len(record["data"].encode("utf-8")) + len(record["partition_key"].encode("utf-8"))


def batches(records, max_records=MAX_RECORDS, max_bytes=MAX_BATCH_BYTES):
    """Splits `records` into consecutive batches within both limits, keeping their order."""
    max_records = min(max_records, MAX_RECORDS)
    result, current, size = [], [], 0
    for record in records:
        bytes_ = record_size(record)
        if bytes_ > MAX_RECORD_BYTES:
            raise ValueError(f"record for {record['partition_key']} is {bytes_} bytes, over the 1 MiB limit")
        if current and (len(current) == max_records or size + bytes_ > max_bytes):
            result.append(current)
            current, size = [], 0
        current.append(record)
        size += bytes_
    if current:
        result.append(current)
    return result
