"""The batch layer: the lake's layout and the bronze → silver → gold transforms, plus the serving merge with the speed view."""
import sys
from pathlib import Path

_LIB = str(Path(__file__).resolve().parents[3] / "lib")
if _LIB not in sys.path:
    sys.path.append(_LIB)
