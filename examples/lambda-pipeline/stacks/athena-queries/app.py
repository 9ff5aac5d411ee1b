#!/usr/bin/env python3
"""CDK-style description of the AthenaQueriesStack (plain data): `python3 app.py deploy --env staging`."""
import sys
from pathlib import Path

from athena import runner
from pipeline_common.cdk import Stack, main


def build(settings):
    stack = Stack("AthenaQueriesStack", settings)
    stack.add("AWS::Athena::WorkGroup", "Analytics", Name=settings["workgroup"],
              WorkGroupConfiguration={"ResultConfiguration": {"OutputLocation": f"s3://{settings['bucket']}/{settings['results_prefix']}/"},
                                      "BytesScannedCutoffPerQuery": settings["bytes_scanned_cutoff"], "EnforceWorkGroupConfiguration": True})
    for name in runner.names():
        stack.add("AWS::Athena::NamedQuery", name.title().replace("_", ""), Name=name, WorkGroup={"Ref": "Analytics"},
                  QueryString=runner.load(name))
    return stack


if __name__ == "__main__":
    sys.exit(main(build, Path(__file__).parent))
