import sqlite3
import unittest

from cdc import capture, replicate
from pipeline_common import files, testing

DemoSwitch = testing.switch_test("dms-cdc", "unit")


def memory_db():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price INTEGER)")
    return conn


class CaptureTests(unittest.TestCase):
    def test_triggers_log_inserts_updates_and_deletes(self):
        conn = memory_db()
        capture.enable(conn, ["items"])
        conn.execute("INSERT INTO items VALUES (1, 'pen', 100)")
        conn.execute("UPDATE items SET price = 120 WHERE id = 1")
        conn.execute("DELETE FROM items WHERE id = 1")
        changes = capture.read_changes(conn, 0, 10)
        self.assertEqual([c["metadata"]["operation"] for c in changes], ["insert", "update", "delete"])
        self.assertEqual(changes[1]["data"], {"id": 1, "name": "pen", "price": 120})
        self.assertEqual(changes[2]["data"]["price"], 120)
        self.assertEqual([c["seq"] for c in changes], [1, 2, 3])
        self.assertEqual(capture.read_changes(conn, 2, 10)[0]["seq"], 3)

    def test_unknown_table_is_an_error(self):
        with self.assertRaises(LookupError):
            capture.enable(memory_db(), ["nope"])

    def test_snapshot_is_a_load_of_current_rows(self):
        conn = memory_db()
        conn.executemany("INSERT INTO items VALUES (?, ?, ?)", [(2, "b", 2), (1, "a", 1)])
        snap = capture.snapshot(conn, "items", "2026-03-01T00:00:00Z")
        self.assertEqual([(r["seq"], r["metadata"]["operation"], r["data"]["id"]) for r in snap], [(0, "load", 1), (0, "load", 2)])


class WriteBatchTests(testing.TempDirTestCase):
    def test_groups_by_table_and_day_and_splits_files(self):
        records = [capture.record(n, "items" if n < 4 else "other", "insert", {"id": n}, f"2026-03-0{1 + n % 2}T10:00:00Z")
                   for n in range(1, 6)]
        paths = replicate.write_batch(records, self.tmp, "bucket", max_per_file=1)
        names = sorted(str(p.relative_to(self.tmp / "bucket" / "bronze" / "cdc")) for p in paths)
        self.assertEqual(names, ["items/dt=2026-03-01/cdc-000000000002-000000000002.jsonl",
                                 "items/dt=2026-03-02/cdc-000000000001-000000000001.jsonl",
                                 "items/dt=2026-03-02/cdc-000000000003-000000000003.jsonl",
                                 "other/dt=2026-03-01/cdc-000000000004-000000000004.jsonl",
                                 "other/dt=2026-03-02/cdc-000000000005-000000000005.jsonl"])
        self.assertEqual(files.read_jsonl(paths[0])[0]["data"], {"id": 2})


class ReplicationTaskTests(testing.TempDirTestCase):
    def test_full_load_then_only_new_changes(self):
        conn = memory_db()
        conn.execute("INSERT INTO items VALUES (1, 'pen', 100)")
        task = replicate.ReplicationTask(conn, ["items"], self.tmp, "b", self.tmp / "state.json", 10,
                                         clock=lambda: "2026-03-01T00:00:00Z")
        self.assertEqual(task.run_once()["records"], 1)
        conn.execute("INSERT INTO items VALUES (2, 'ink', 50)")
        step = task.run_once()
        self.assertEqual((step["records"], step["last_seq"]), (1, 1))
        self.assertEqual(task.run_once()["records"], 0)
        self.assertEqual(files.read_json(self.tmp / "state.json"), {"last_seq": 1})


if __name__ == "__main__":
    unittest.main()
