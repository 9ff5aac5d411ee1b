"""The warehouse models in the style of dbt: SQL files with ref()/source(), built in dependency order, with schema tests."""
import sys
from pathlib import Path

_LIB = str(Path(__file__).resolve().parents[3] / "lib")
if _LIB not in sys.path:
    sys.path.append(_LIB)
