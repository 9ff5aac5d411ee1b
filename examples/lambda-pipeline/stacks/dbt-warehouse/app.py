#!/usr/bin/env python3
"""CDK-style description of the DbtWarehouseStack (plain data): `python3 app.py deploy --env staging`."""
import sys
from pathlib import Path

from warehouse import dbt
from pipeline_common.cdk import Stack, main  # after the stack's package, which puts lib/ on the path


def build(settings):
    stack = Stack("DbtWarehouseStack", settings)
    stack.add("AWS::RedshiftServerless::Namespace", "Warehouse", NamespaceName=settings["workgroup"],
              AdminUserPassword="{{resolve:secretsmanager:DB_PASSWORD}}")
    stack.add("AWS::RedshiftServerless::Workgroup", "WarehouseCompute", WorkgroupName=settings["workgroup"],
              NamespaceName={"Ref": "Warehouse"}, BaseCapacity=settings["base_capacity"])
    stack.add("AWS::ECS::TaskDefinition", "DbtRun", ContainerDefinitions=[{
        "Name": "dbt", "Command": ["dbt", "build", "--target", settings["env"]],
        "Environment": [{"Name": "DBT_MODELS", "Value": ",".join(dbt.build_order(dbt.discover()))}]}])
    return stack


if __name__ == "__main__":
    sys.exit(main(build, Path(__file__).parent))
