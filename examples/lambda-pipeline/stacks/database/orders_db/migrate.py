"""Numbered SQL migrations (`NNN_name.sql`) applied in order, each in its own transaction."""
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"
NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


class MigrationError(Exception):
    """A migration folder that cannot be applied as is, or a migration that failed."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def discover(folder=MIGRATIONS):
    """The migrations in `folder`, ordered; versions must start at 1 and have no gaps or duplicates."""
    migrations = []
    for path in sorted(Path(folder).glob("*.sql")):
        match = NAME.match(path.name)
        if not match:
            raise MigrationError(f"{path}: name must look like 001_create_table.sql")
        migrations.append(Migration(int(match[1]), match[2], path.read_text(encoding="utf-8")))
    for expected, migration in enumerate(migrations, start=1):
        if migration.version != expected:
            raise MigrationError(f"{folder}: expected migration {expected:03d}, found {migration.version:03d}_{migration.name}")
    return migrations


def applied_versions(conn):
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    return [row[0] for row in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]


def migrate(conn, migrations, target=None):
    """Applies the pending migrations up to `target` (default: all); returns the versions applied."""
    done = set(applied_versions(conn))
    applied = []
    for migration in migrations:
        if migration.version in done or (target is not None and migration.version > target):
            continue
        script = f"BEGIN;\n{migration.sql}\nINSERT INTO schema_migrations VALUES ({migration.version}, '{migration.name}');\nCOMMIT;"
        try:
            conn.executescript(script)
        except sqlite3.Error as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise MigrationError(f"migration {migration.version:03d}_{migration.name} failed: {error}") from error
        applied.append(migration.version)
    return applied


def connect(path):
    """A connection with foreign keys enforced and write-ahead logging (fewer syncs per commit)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def columns(conn, table):
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
