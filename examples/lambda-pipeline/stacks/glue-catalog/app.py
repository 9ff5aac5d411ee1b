#!/usr/bin/env python3
"""CDK-style description of the GlueCatalogStack (plain data): `python3 app.py deploy --env staging`."""
import sys
from pathlib import Path

import catalog  # noqa: F401  (puts lib/ on the path)
from pipeline_common.cdk import Stack, main


def build(settings):
    stack = Stack("GlueCatalogStack", settings)
    stack.add("AWS::Glue::Database", "Lakehouse", DatabaseInput={"Name": settings["database"]})
    stack.add("AWS::Glue::Crawler", "LakeCrawler", DatabaseName=settings["database"], Schedule={"ScheduleExpression": settings["crawler_schedule"]},
              Targets={"S3Targets": [{"Path": f"s3://{settings['bucket']}/{layer}/"} for layer in ("silver", "gold")]},
              SchemaChangePolicy={"UpdateBehavior": "UPDATE_IN_DATABASE", "DeleteBehavior": "LOG"},
              Configuration='{"Version":1.0,"CrawlerOutput":{"Tables":{"AddOrUpdateBehavior":"MergeNewColumns"}}}')
    return stack


if __name__ == "__main__":
    sys.exit(main(build, Path(__file__).parent))
