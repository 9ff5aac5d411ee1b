"""One ingestion run: every page of a resource from the API into its bronze partition of the day."""
import datetime

from . import landing


def ingest(client, lake_root, bucket, resource="products", run_date=None, now=None):
    """Fetches and lands `resource`; returns the landing manifest (with the number of HTTP requests made)."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    run_date = run_date or now.strftime("%Y-%m-%d")
    manifest = landing.land(client.pages(resource), lake_root, bucket, resource, run_date, now.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return {**manifest, "requests": client.requests}
