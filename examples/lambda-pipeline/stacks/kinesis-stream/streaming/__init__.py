"""The speed layer: change records on a Kinesis-like stream (a folder of shard files), batching, checkpointed consumers."""
import sys
from pathlib import Path

_LIB = str(Path(__file__).resolve().parents[3] / "lib")
if _LIB not in sys.path:
    sys.path.append(_LIB)
