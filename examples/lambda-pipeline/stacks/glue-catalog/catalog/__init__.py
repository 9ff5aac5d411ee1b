"""The Glue Data Catalog of the lake: table definitions crawled from its files, with schema-evolution checks."""
import sys
from pathlib import Path

_LIB = str(Path(__file__).resolve().parents[3] / "lib")
if _LIB not in sys.path:
    sys.path.append(_LIB)
