"""The batch run: bronze → silver → gold for one lake."""
from . import gold, layout, silver


def run(lake_root, bucket, gold_parts=1):
    lake = layout.Lake(lake_root, bucket)
    return {**silver.build(lake), **gold.build(lake, parts=gold_parts)}
