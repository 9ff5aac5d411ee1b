"""Capturing changes of sqlite tables with triggers (the stand-in for reading the database's WAL)."""
import json

OPERATIONS = {"I": "insert", "U": "update", "D": "delete"}
LOG = "_cdc_log"


def columns(conn, table):
    names = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    if not names:
        raise LookupError(f"no table {table} to capture")
    return names


def enable(conn, tables):
    """Creates the change log and, per table, triggers that log every insert, update and delete (one transaction)."""
    statements = [f"CREATE TABLE IF NOT EXISTS {LOG} (seq INTEGER PRIMARY KEY AUTOINCREMENT, table_name TEXT NOT NULL,"
                  " op TEXT NOT NULL, row TEXT NOT NULL,"
                  " changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"]
    for table in tables:
        names = columns(conn, table)
        for event, op, alias in (("INSERT", "I", "NEW"), ("UPDATE", "U", "NEW"), ("DELETE", "D", "OLD")):
            row = "json_object(" + ", ".join(f"'{name}', {alias}.{name}" for name in names) + ")"
            statements.append(f"CREATE TRIGGER IF NOT EXISTS {LOG}_{table}_{op} AFTER {event} ON {table} BEGIN"
                              f" INSERT INTO {LOG} (table_name, op, row) VALUES ('{table}', '{op}', {row}); END")
    conn.executescript("BEGIN;\n" + ";\n".join(statements) + ";\nCOMMIT;")


def record(seq, table, operation, row, timestamp):
    """One change in the shape DMS writes to S3/Kinesis targets."""
    return {
        "seq": seq,
        "metadata": {"timestamp": timestamp, "record-type": "data", "operation": operation,
                     "partition-key-type": "primary-key", "schema-name": "main", "table-name": table},
        "data": row,
    }


def read_changes(conn, after_seq, limit):
    """Up to `limit` logged changes with a sequence number above `after_seq`, oldest first."""
    rows = conn.execute(f"SELECT seq, table_name, op, row, changed_at FROM {LOG} WHERE seq > ? ORDER BY seq LIMIT ?",
                        (after_seq, limit))
    return [record(seq, table, OPERATIONS[op], json.loads(row), changed_at) for seq, table, op, row, changed_at in rows]


def last_seq(conn):
    return conn.execute(f"SELECT coalesce(max(seq), 0) FROM {LOG}").fetchone()[0]


def snapshot(conn, table, timestamp):
    """Every current row of `table` as `load` records (sequence 0), ordered by primary key."""
    names = columns(conn, table)
    rows = conn.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY 1")
    return [record(0, table, "load", dict(zip(names, values)), timestamp) for values in rows]
