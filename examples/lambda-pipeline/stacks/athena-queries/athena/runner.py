"""Named queries (queries/<name>.sql with `:param` placeholders), run and written out as CSV results."""
import csv
import io
import re
from pathlib import Path

from pipeline_common import files

QUERIES = Path(__file__).resolve().parents[1] / "queries"
PARAMETER = re.compile(r"(?<!:):([a-z_][a-z0-9_]*)")


class QueryError(Exception):
    """An unknown query, missing parameters, or a result over the row limit."""


def names():
    return sorted(path.stem for path in QUERIES.glob("*.sql"))


def load(name):
    path = QUERIES / f"{name}.sql"
    if not path.exists():
        raise QueryError(f"no query {name}; known: {', '.join(names())}")
    return path.read_text(encoding="utf-8")


def parameters(sql):
    """The `:name` placeholders of `sql`, outside string literals and comments."""
    body = re.sub(r"--[^\n]*", "", re.sub(r"'[^']*'", "''", sql))
    return sorted(set(PARAMETER.findall(body)))


def run(conn, name, params=None, max_rows=None):
    """(column names, rows) of query `name`; every parameter must be given."""
    sql = load(name)
    missing = [p for p in parameters(sql) if p not in (params or {})]
    if missing:
        raise QueryError(f"query {name} needs {', '.join(missing)}")
    cursor = conn.execute(sql, params or {})
    rows = cursor.fetchall() if max_rows is None else cursor.fetchmany(max_rows + 1)
    if max_rows is not None and len(rows) > max_rows:
        raise QueryError(f"query {name} returned more than {max_rows} rows")
    return [d[0] for d in cursor.description], rows


def write_result(folder, name, query_id, header, rows):
    """Writes `<folder>/<name>/<query_id>.csv` as Athena does; returns its path."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path = Path(folder) / name / f"{query_id}.csv"
    files.write_atomic(path, buffer.getvalue())
    return path
