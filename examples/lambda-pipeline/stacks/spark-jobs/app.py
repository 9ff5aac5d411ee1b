#!/usr/bin/env python3
"""CDK-style description of the SparkJobsStack (plain data): `python3 app.py deploy --env staging`."""
import sys
from pathlib import Path

from jobs import registry
from pipeline_common.cdk import Stack, main


def build(settings):
    stack = Stack("SparkJobsStack", settings)
    for name in sorted(registry.JOBS):
        stack.add("Databricks::Job", name.title().replace("_", ""), Name=f"{name}-{settings['env']}",
                  NewCluster={"spark_version": "14.3.x-scala2.12", "node_type_id": settings["node_type"], "num_workers": settings["workers"]},
                  SparkPythonTask={"python_file": f"jobs/{name}.py", "parameters": ["--bucket", settings["bucket"]]})
    return stack


if __name__ == "__main__":
    sys.exit(main(build, Path(__file__).parent))
