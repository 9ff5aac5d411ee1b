"""The orchestration: a DAG of the batch stacks' tasks, ordered topologically and run with Airflow's failure semantics."""
import sys
from pathlib import Path

_LIB = str(Path(__file__).resolve().parents[3] / "lib")
if _LIB not in sys.path:
    sys.path.append(_LIB)
