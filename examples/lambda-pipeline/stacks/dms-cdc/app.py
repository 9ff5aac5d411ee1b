#!/usr/bin/env python3
"""CDK-style description of the DmsCdcStack (plain data): `python3 app.py deploy --env staging`."""
import sys
from pathlib import Path

import cdc  # noqa: F401  (puts lib/ on the path)
from pipeline_common.cdk import Stack, main


def build(settings):
    stack = Stack("DmsCdcStack", settings)
    stack.add("AWS::DMS::ReplicationInstance", "Replication", ReplicationInstanceClass=settings["replication_instance_class"])
    stack.add("AWS::DMS::Endpoint", "Source", EndpointType="source", EngineName="aurora-postgresql",
              Password="{{resolve:secretsmanager:DB_PASSWORD}}")
    stack.add("AWS::DMS::Endpoint", "BronzeTarget", EndpointType="target", EngineName="s3",
              S3Settings={"BucketName": settings["bucket"], "BucketFolder": "bronze/cdc", "DataFormat": "json",
                          "DatePartitionEnabled": True})
    stack.add("AWS::DMS::ReplicationTask", "OrdersToBronze", MigrationType="full-load-and-cdc",
              SourceEndpointArn={"Ref": "Source"}, TargetEndpointArn={"Ref": "BronzeTarget"},
              TableMappings={"rules": [{"rule-type": "selection", "object-locator": {"schema-name": "public", "table-name": t},
                                        "rule-action": "include"} for t in settings["tables"]]})
    return stack


if __name__ == "__main__":
    sys.exit(main(build, Path(__file__).parent))
