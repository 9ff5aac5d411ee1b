#!/usr/bin/env python3
"""CDK-style description of the DatabaseStack (plain data): `python3 app.py deploy --env staging`."""
import sys
from pathlib import Path

from orders_db import migrate
from pipeline_common.cdk import Stack, main


def build(settings):
    stack = Stack("DatabaseStack", settings)
    stack.add("AWS::RDS::DBClusterParameterGroup", "ReplicationParameters",
              Family="aurora-postgresql15", Parameters={"rds.logical_replication": "1"})
    stack.add("AWS::RDS::DBCluster", "Orders", DatabaseName=settings["database_name"], Engine="aurora-postgresql",
              DBClusterParameterGroupName={"Ref": "ReplicationParameters"},
              BackupRetentionPeriod=settings["backup_retention_days"],
              MasterUserPassword="{{resolve:secretsmanager:DB_PASSWORD}}")
    for n in range(2 if settings["multi_az"] else 1):
        stack.add("AWS::RDS::DBInstance", f"OrdersInstance{n + 1}", DBClusterIdentifier={"Ref": "Orders"},
                  DBInstanceClass=settings["instance_class"])
    stack.add("Custom::SchemaMigrations", "Schema", Versions=[m.version for m in migrate.discover()])
    return stack


if __name__ == "__main__":
    sys.exit(main(build, Path(__file__).parent))
