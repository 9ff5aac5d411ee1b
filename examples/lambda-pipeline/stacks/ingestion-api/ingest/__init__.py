"""The batch ingestion of the product catalog: a paginating, retrying API client that lands JSON in bronze."""
import sys
from pathlib import Path

_LIB = str(Path(__file__).resolve().parents[3] / "lib")
if _LIB not in sys.path:
    sys.path.append(_LIB)
