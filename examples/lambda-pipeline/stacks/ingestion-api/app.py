#!/usr/bin/env python3
"""CDK-style description of the IngestionApiStack (plain data): `python3 app.py deploy --env staging`."""
import sys
from pathlib import Path

import ingest  # noqa: F401  (puts lib/ on the path)
from pipeline_common.cdk import Stack, main


def build(settings):
    stack = Stack("IngestionApiStack", settings)
    stack.add("AWS::SecretsManager::Secret", "CatalogApiToken", Name=f"catalog-api-token-{settings['env']}")
    stack.add("AWS::Lambda::Function", "IngestProducts", Runtime="python3.11", Handler="ingest.run.ingest", Timeout=300,
              Environment={"Variables": {"API_BASE_URL": settings["api_base_url"], "PAGE_SIZE": str(settings["page_size"]),
                                         "DATA_BUCKET": settings["bucket"], "API_TOKEN_SECRET": {"Ref": "CatalogApiToken"}}})
    stack.add("AWS::Events::Rule", "IngestSchedule", ScheduleExpression=settings["schedule"],
              Targets=[{"Arn": {"Fn::GetAtt": ["IngestProducts", "Arn"]}, "Id": "ingest"}])
    return stack


if __name__ == "__main__":
    sys.exit(main(build, Path(__file__).parent))
