"""Landing API pages in bronze: one file a page, rejected items aside, a manifest written last."""
from pathlib import Path

from pipeline_common import files

REQUIRED = {"sku": str, "name": str, "category": str, "price_cents": int}


def problems(item):
    """What is wrong with a catalog item (empty when it is valid)."""
    found = [f"missing {key}" for key in REQUIRED if key not in item]
    found += [f"{key} is not {kind.__name__}" for key, kind in REQUIRED.items()
              if key in item and (not isinstance(item[key], kind) or isinstance(item[key], bool))]
    if isinstance(item.get("price_cents"), int) and item["price_cents"] < 0:
        found.append("price_cents is negative")
    return found


def partition(lake_root, bucket, resource, run_date):
    return Path(lake_root) / bucket / "bronze" / "api" / resource / f"dt={run_date}"


def land(pages, lake_root, bucket, resource, run_date, fetched_at):
    """Writes the pages of one run, replacing an earlier run of the same day; returns the manifest."""
    folder = partition(lake_root, bucket, resource, run_date)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    count = items = 0
    rejected = []
    for count, page in enumerate(pages, start=1):
        good = [item for item in page if not problems(item)]
        rejected += [{"item": item, "problems": problems(item)} for item in page if problems(item)]
        files.write_json(folder / f"page-{count:04d}.json", good)
        items += len(good)
    if rejected:
        files.write_jsonl(folder / "_rejected.jsonl", rejected)
    manifest = {"resource": resource, "run_date": run_date, "fetched_at": fetched_at,
                "pages": count, "items": items, "rejected": len(rejected)}
    files.write_json(folder / "_manifest.json", manifest)
    return manifest


def read_landed(lake_root, bucket, resource, run_date):
    """The items of a completed landing (one with a manifest), in page order."""
    folder = partition(lake_root, bucket, resource, run_date)
    if not (folder / "_manifest.json").exists():
        raise FileNotFoundError(f"{folder}: no _manifest.json, the landing did not finish")
    return [item for page in sorted(folder.glob("page-*.json")) for item in files.read_json(page)]
