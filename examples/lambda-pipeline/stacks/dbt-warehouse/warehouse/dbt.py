"""A small dbt: models are SQL files using {{ ref('model') }} and {{ source('layer', 'table') }},
materialized as views or tables in dependency order; schema tests are queries counting bad rows."""
import json
import re
from dataclasses import dataclass
from pathlib import Path

MODELS = Path(__file__).resolve().parents[1] / "models"
REF = re.compile(r"\{\{\s*ref\(\s*'([a-z0-9_]+)'\s*\)\s*\}\}")
SOURCE = re.compile(r"\{\{\s*source\(\s*'([a-z0-9_]+)'\s*,\s*'([a-z0-9_]+)'\s*\)\s*\}\}")
MATERIALIZED = re.compile(r"^--\s*materialized:\s*(view|table)\s*$", re.MULTILINE)


class ProjectError(Exception):
    """A model refers to an unknown model, the refs form a cycle, or a test is malformed."""


@dataclass(frozen=True)
class Model:
    name: str
    sql: str
    materialized: str

    def refs(self):
        return sorted(set(REF.findall(self.sql)))

    def sources(self):
        return sorted(set(SOURCE.findall(self.sql)))

    def compile(self, prefix):
        """SQL with refs turned into `<prefix><model>` and sources into `<layer>_<table>`."""
        return SOURCE.sub(lambda m: f"{m[1]}_{m[2]}", REF.sub(lambda m: f"{prefix}{m[1]}", self.sql))


def discover(folder=MODELS):
    models = {}
    for path in sorted(Path(folder).rglob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        if path.stem in models:
            raise ProjectError(f"{path}: a model named {path.stem} already exists")
        match = MATERIALIZED.search(sql)
        models[path.stem] = Model(path.stem, sql, match[1] if match else "view")
    return models


def build_order(models):
    """Model names with every model after the models it refs (ties alphabetical)."""
    for model in models.values():
        unknown = [ref for ref in model.refs() if ref not in models]
        if unknown:
            raise ProjectError(f"model {model.name} refs unknown model {', '.join(unknown)}")
    waiting = {name: set(model.refs()) for name, model in models.items()}
    order = []
    while waiting:
        ready = sorted(name for name, needs in waiting.items() if not needs)
        if not ready:
            raise ProjectError(f"models form a cycle: {', '.join(sorted(waiting))}")
        for name in ready:
            order.append(name)
            del waiting[name]
        for needs in waiting.values():
            needs.difference_update(ready)
    return order


def run(conn, models, prefix):
    """Builds every model in order; returns [(name, materialized, row count)]."""
    built = []
    for name in build_order(models):
        model = models[name]
        relation = f"{prefix}{name}"
        for kind in ("VIEW", "TABLE"):
            existing = conn.execute("SELECT type FROM sqlite_master WHERE name = ?", (relation,)).fetchone()
            if existing and existing[0] == kind.lower():
                conn.execute(f"DROP {kind} {relation}")
        conn.execute(f"CREATE {model.materialized.upper()} {relation} AS {model.compile(prefix)}")
        built.append((name, model.materialized, conn.execute(f"SELECT count(*) FROM {relation}").fetchone()[0]))
    conn.commit()
    return built


def test_sql(relation, column, test, prefix):
    """A query counting the rows that fail `test` on `relation.column`."""
    if test == "not_null":
        return f"SELECT count(*) FROM {relation} WHERE {column} IS NULL"
    if test == "unique":
        return f"SELECT count(*) FROM (SELECT {column} FROM {relation} WHERE {column} IS NOT NULL GROUP BY {column} HAVING count(*) > 1)"
    if isinstance(test, dict) and "accepted_values" in test:
        values = ", ".join("'" + str(v).replace("'", "''") + "'" for v in test["accepted_values"])
        return f"SELECT count(*) FROM {relation} WHERE {column} IS NOT NULL AND {column} NOT IN ({values})"
    if isinstance(test, dict) and "relationships" in test:
        target, field = f"{prefix}{test['relationships']['to']}", test["relationships"]["field"]
        return (f"SELECT count(*) FROM {relation} AS child LEFT JOIN {target} AS parent ON child.{column} = parent.{field}"
                f" WHERE child.{column} IS NOT NULL AND parent.{field} IS NULL")
    raise ProjectError(f"unknown test {json.dumps(test)} on {relation}.{column}")


def test_name(test):
    return test if isinstance(test, str) else next(iter(test))


def run_tests(conn, schema, prefix):
    """[(model, column, test, failing rows)] for every test of `schema` (model → column → tests)."""
    results = []
    for model in sorted(schema):
        for column in sorted(schema[model]):
            for test in schema[model][column]:
                failures = conn.execute(test_sql(f"{prefix}{model}", column, test, prefix)).fetchone()[0]
                results.append((model, column, test_name(test), failures))
    return results


def load_schema(folder=MODELS):
    return json.loads((Path(folder) / "schema.json").read_text(encoding="utf-8"))
