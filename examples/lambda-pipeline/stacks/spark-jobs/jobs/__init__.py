"""The Databricks jobs over the lake's gold layer, written as plain Python functions over rows."""
import sys
from pathlib import Path

_LIB = str(Path(__file__).resolve().parents[3] / "lib")
if _LIB not in sys.path:
    sys.path.append(_LIB)
