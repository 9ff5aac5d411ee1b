"""The daily lakehouse DAG: ingest and replicate, build the lake, run the Spark jobs, crawl, then dbt and Athena.

Each task calls the real code of its stack with that stack's settings for the run's environment.
The run context holds `env`, `run_date`, `lake_root`, `state_dir`, `database` (the source sqlite file),
`api_url`, `api_token` and optionally `backoff_seconds`.
"""
import sqlite3

from pipeline_common import config, stacks

from .dag import DAG


def settings(stack, context):
    return config.load_settings(stacks.stack_dir(stack), context["env"])


def ingest_products(context):
    stacks.use("ingestion-api")
    from ingest import client, run

    s = settings("ingestion-api", context)
    api = client.ApiClient(context["api_url"], context["api_token"], page_size=s["page_size"], max_retries=s["max_retries"],
                           backoff_seconds=context.get("backoff_seconds", 1.0))
    return run.ingest(api, context["lake_root"], s["bucket"], run_date=context["run_date"])["items"]


def replicate_orders(context):
    stacks.use("dms-cdc")
    from cdc import replicate

    s = settings("dms-cdc", context)
    conn = sqlite3.connect(context["database"])
    try:
        task = replicate.ReplicationTask(conn, s["tables"], context["lake_root"], s["bucket"],
                                         context["state_dir"] / "dms-task.json", s["max_records_per_file"])
        return task.run()["records"]
    finally:
        conn.close()


def build_lake(context):
    stacks.use("datalake")
    from lake import pipeline

    s = settings("datalake", context)
    return pipeline.run(context["lake_root"], s["bucket"], s["gold_parts"])


def spark_job(name):
    def run_job(context):
        stacks.use("spark-jobs")
        from jobs import registry

        return registry.run_job(name, context["lake_root"], {**settings("spark-jobs", context), "as_of": context["run_date"]})

    return run_job


def catalog_file(context):
    return context["state_dir"] / "catalog" / f"{settings('glue-catalog', context)['database']}.json"


def crawl_catalog(context):
    stacks.use("glue-catalog")
    from catalog import crawler, store

    s = settings("glue-catalog", context)
    return store.update(catalog_file(context), s["database"], crawler.crawl(context["lake_root"], s["bucket"], s["database"], sample=s["sample_size"]))


def warehouse(context):
    stacks.use("dbt-warehouse")
    from warehouse import dbt, sources

    return sqlite3.connect(context["state_dir"] / "warehouse.sqlite"), dbt, sources, settings("dbt-warehouse", context)


def dbt_build(context):
    conn, dbt, sources, s = warehouse(context)
    with conn:
        sources.load(conn, context["lake_root"], s["bucket"], ["customers", "orders", "products"])
        return [name for name, _, _ in dbt.run(conn, dbt.discover(), s["target_prefix"])]


def dbt_test(context):
    conn, dbt, _, s = warehouse(context)
    with conn:
        failing = [f"{m}.{c} {t}: {n} rows" for m, c, t, n in dbt.run_tests(conn, dbt.load_schema(), s["target_prefix"]) if n]
    if failing:
        raise AssertionError("dbt tests failed: " + "; ".join(failing))
    return 0


def athena_reports(context):
    stacks.use("athena-queries")
    from athena import engine, runner
    from pipeline_common import files

    s = settings("athena-queries", context)
    tables = [t for t in files.read_json(catalog_file(context))["Tables"].values() if t["Parameters"]["layer"] == "gold"]
    conn = sqlite3.connect(":memory:")
    engine.load_catalog(conn, tables, context["lake_root"])
    day = context["run_date"]
    params = {"revenue_by_country": {"start": day[:8] + "01", "end": day}, "top_customers": {"limit": 10}}
    results = context["lake_root"] / s["bucket"] / s["results_prefix"]
    written = []
    for name in runner.names():
        header, rows = runner.run(conn, name, params.get(name), max_rows=s["max_result_rows"])
        written.append(runner.write_result(results, name, day, header, rows))
    return written


def build(schedule="0 6 * * *"):
    dag = DAG("lakehouse_daily", schedule)
    ingest = dag.task("ingest_products", "ingestion-api", ingest_products, retries=1)
    replicate = dag.task("replicate_orders", "dms-cdc", replicate_orders)
    lake = dag.task("build_lake", "datalake", build_lake)
    revenue = dag.task("spark_daily_revenue", "spark-jobs", spark_job("daily_revenue"))
    rfm = dag.task("spark_customer_rfm", "spark-jobs", spark_job("customer_rfm"))
    crawl = dag.task("crawl_catalog", "glue-catalog", crawl_catalog)
    dbt_run = dag.task("dbt_build", "dbt-warehouse", dbt_build)
    dbt_check = dag.task("dbt_test", "dbt-warehouse", dbt_test)
    reports = dag.task("athena_reports", "athena-queries", athena_reports)

    [ingest, replicate] >> lake
    lake >> [revenue, rfm]
    [revenue, rfm] >> crawl
    crawl >> dbt_run >> dbt_check
    crawl >> reports
    return dag
