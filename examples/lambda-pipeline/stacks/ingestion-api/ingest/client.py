"""A JSON API client: bearer token, cursor pagination, retries with exponential backoff."""
import json
import time
import urllib.error
import urllib.parse
import urllib.request

RETRYABLE = {429, 500, 502, 503, 504}


class ApiError(Exception):
    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status


class ApiClient:
    def __init__(self, base_url, token, page_size=100, max_retries=3, backoff_seconds=0.5, timeout=5,
                 sleep=time.sleep, opener=urllib.request.urlopen):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.page_size = page_size
        self.max_retries = max_retries
        self.backoff_seconds = backoff_seconds
        self.timeout = timeout
        self.sleep = sleep
        self.opener = opener
        self.requests = 0

    def backoff(self, attempt, retry_after=None):
        """Seconds to wait before retry number `attempt` (0-based): Retry-After when given, else doubling, at most 30."""
        if retry_after is not None and str(retry_after).isdigit():
            return min(float(retry_after), 30.0)
        return min(self.backoff_seconds * 2 ** attempt, 30.0)

    def get_json(self, path, params=None):
        url = f"{self.base_url}{path}"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {self.token}", "Accept": "application/json"})
        for attempt in range(self.max_retries + 1):
            self.requests += 1
            try:
                with self.opener(request, timeout=self.timeout) as response:
                    return json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as error:
                if error.code not in RETRYABLE or attempt == self.max_retries:
                    raise ApiError(f"GET {url}: HTTP {error.code}", error.code) from error
                self.sleep(self.backoff(attempt, error.headers.get("Retry-After") if error.headers else None))
            except urllib.error.URLError as error:
                if attempt == self.max_retries:
                    raise ApiError(f"GET {url}: {error.reason}") from error
                self.sleep(self.backoff(attempt))
        raise AssertionError("unreachable")

    def pages(self, resource):
        """Every page of items of `resource`, following `next_cursor` until it is absent."""
        cursor = None
        while True:
            params = {"limit": self.page_size}
            if cursor:
                params["cursor"] = cursor
            body = self.get_json(f"/v1/{resource}", params)
            yield body["items"]
            cursor = body.get("next_cursor")
            if not cursor:
                return
