#!/usr/bin/env python3
"""CDK-style description of the KinesisStreamStack (plain data): `python3 app.py deploy --env staging`."""
import sys
from pathlib import Path

import streaming  # noqa: F401  (puts lib/ on the path)
from pipeline_common.cdk import Stack, main


def build(settings):
    stack = Stack("KinesisStreamStack", settings)
    stack.add("AWS::Kinesis::Stream", "OrdersCdc", Name=settings["stream_name"], ShardCount=settings["shard_count"],
              RetentionPeriodHours=settings["retention_hours"], StreamEncryption={"EncryptionType": "KMS"})
    stack.add("AWS::DynamoDB::Table", "Checkpoints", BillingMode="PAY_PER_REQUEST",
              KeySchema=[{"AttributeName": "shardId", "KeyType": "HASH"}])
    stack.add("AWS::Lambda::Function", "SpeedViewConsumer", Runtime="python3.11", Handler="streaming.speed_view.handle",
              Environment={"Variables": {"DATA_BUCKET": settings["bucket"]}})
    stack.add("AWS::Lambda::EventSourceMapping", "ConsumeOrdersCdc", EventSourceArn={"Fn::GetAtt": ["OrdersCdc", "Arn"]},
              FunctionName={"Ref": "SpeedViewConsumer"}, BatchSize=settings["batch_size"], StartingPosition="TRIM_HORIZON")
    return stack


if __name__ == "__main__":
    sys.exit(main(build, Path(__file__).parent))
