#!/usr/bin/env python3
"""CDK-style description of the AirflowDagsStack (plain data): `python3 app.py deploy --env staging`."""
import sys
from pathlib import Path

from dags import lakehouse_daily
from pipeline_common.cdk import Stack, main


def build(settings):
    stack = Stack("AirflowDagsStack", settings)
    dag = lakehouse_daily.build(settings["schedule"])
    stack.add("AWS::S3::Bucket", "DagsBucket", BucketName=f"{settings['bucket']}-airflow")
    stack.add("AWS::MWAA::Environment", "Airflow", EnvironmentClass=settings["environment_class"], MaxWorkers=settings["max_workers"],
              DagS3Path="dags/", SourceBucketArn={"Fn::GetAtt": ["DagsBucket", "Arn"]})
    stack.add("Custom::AirflowDag", "LakehouseDaily", DagId=dag.dag_id, Schedule=dag.schedule, IsPaused=settings["paused"],
              Tasks=dag.topological_order())
    return stack


if __name__ == "__main__":
    sys.exit(main(build, Path(__file__).parent))
