"""The source OLTP database of the pipeline: schema migrations and sample data (sqlite stands in for Aurora)."""
import sys
from pathlib import Path

_LIB = str(Path(__file__).resolve().parents[3] / "lib")
if _LIB not in sys.path:
    sys.path.append(_LIB)
