"""Athena over the gold layer, with sqlite as the engine: tables loaded from the Glue catalog, named SQL queries."""
import sys
from pathlib import Path

_LIB = str(Path(__file__).resolve().parents[3] / "lib")
if _LIB not in sys.path:
    sys.path.append(_LIB)
