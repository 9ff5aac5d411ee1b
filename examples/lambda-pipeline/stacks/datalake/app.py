#!/usr/bin/env python3
"""CDK-style description of the DatalakeStack (plain data): `python3 app.py deploy --env staging`."""
import sys
from pathlib import Path

from lake import layout
from pipeline_common.cdk import Stack, main


def build(settings):
    stack = Stack("DatalakeStack", settings)
    stack.add("AWS::S3::Bucket", "Lake", BucketName=settings["bucket"],
              VersioningConfiguration={"Status": "Enabled" if settings["versioned"] else "Suspended"},
              LifecycleConfiguration={"Rules": [{"Id": "expire-bronze", "Prefix": "bronze/", "Status": "Enabled",
                                                 "ExpirationInDays": settings["bronze_expiry_days"]}]},
              PublicAccessBlockConfiguration={"BlockPublicAcls": True, "BlockPublicPolicy": True})
    for layer in layout.LAYERS[1:]:
        stack.add("AWS::Glue::Job", f"Build{layer.title()}", Command={"Name": "pythonshell", "ScriptLocation": f"s3://{settings['bucket']}/jobs/{layer}.py"},
                  DefaultArguments={"--bucket": settings["bucket"], "--gold-parts": str(settings["gold_parts"])})
    return stack


if __name__ == "__main__":
    sys.exit(main(build, Path(__file__).parent))
