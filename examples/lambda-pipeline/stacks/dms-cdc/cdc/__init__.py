"""Change data capture in the style of AWS DMS: a full load then ongoing changes, landed in bronze as JSON lines."""
import sys
from pathlib import Path

_LIB = str(Path(__file__).resolve().parents[3] / "lib")
if _LIB not in sys.path:
    sys.path.append(_LIB)
