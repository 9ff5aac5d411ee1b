"""The jobs by name, as the Databricks job definitions and the Airflow DAG refer to them."""
from pipeline_common import stacks

from . import customer_rfm, daily_revenue

stacks.use("datalake")
from lake import layout  # noqa: E402

JOBS = {"daily_revenue": daily_revenue.run, "customer_rfm": customer_rfm.run}


def run_job(name, lake_root, settings):
    """Runs job `name` against the lake of `settings['bucket']`; returns the number of rows written."""
    if name not in JOBS:
        raise KeyError(f"unknown job {name}; known: {', '.join(sorted(JOBS))}")
    return JOBS[name](layout.Lake(lake_root, settings["bucket"]), settings)
