import unittest

from cdc import replicate
from pipeline_common import files, stacks, testing

stacks.use("database")
from orders_db import migrate, seed  # noqa: E402

SETTINGS = testing.stack_settings(__file__)
DemoSwitch = testing.switch_test("dms-cdc", "integration")


def replay(records):
    """Current state per table rebuilt from load and change records, the way the lake's silver layer does."""
    tables = {}
    for rec in sorted(records, key=lambda r: r["seq"]):
        rows = tables.setdefault(rec["metadata"]["table-name"], {})
        if rec["metadata"]["operation"] == "delete":
            rows.pop(rec["data"]["id"], None)
        else:
            rows[rec["data"]["id"]] = rec["data"]
    return tables


class ReplicationIntegrationTests(testing.TempDirTestCase):
    def setUp(self):
        super().setUp()
        self.conn = migrate.connect(self.tmp / "orders.sqlite")
        migrate.migrate(self.conn, migrate.discover())
        seed.seed(self.conn, 4, 12)
        self.lake = self.tmp / "lake"
        self.task = replicate.ReplicationTask(self.conn, SETTINGS["tables"], self.lake, SETTINGS["bucket"],
                                              self.tmp / "task-state.json", SETTINGS["max_records_per_file"])

    def current(self, table):
        cursor = self.conn.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        return {row[0]: dict(zip(names, row)) for row in cursor}

    def test_bronze_replays_to_the_database_state(self):
        loaded = self.task.run()
        self.assertEqual(loaded["records"], 16)
        self.conn.execute("UPDATE orders SET status = 'shipped', updated_at = '2026-03-09T10:00:00Z' WHERE id IN (1, 2, 3)")
        self.conn.execute("DELETE FROM orders WHERE id = 4")
        self.conn.execute("INSERT INTO customers VALUES (9, 'new@example.com', 'New', 'FR', '2026-03-09T10:00:00Z')")
        self.conn.commit()
        changed = self.task.run()
        self.assertEqual(changed["records"], 5)
        self.assertEqual(self.task.run()["records"], 0)

        bronze = files.read_jsonl_tree(self.lake / SETTINGS["bucket"] / "bronze" / "cdc")
        state = replay(bronze)
        self.assertEqual(state["orders"], self.current("orders"))
        self.assertEqual(state["customers"], self.current("customers"))

    def test_files_respect_the_environment_batch_size(self):
        self.task.run()
        self.conn.executemany("UPDATE orders SET quantity = quantity + 1 WHERE id = ?", [(n,) for n in range(1, 13)])
        self.conn.commit()
        written = self.task.run()["files"]
        self.assertTrue(all(len(files.read_jsonl(p)) <= SETTINGS["max_records_per_file"] for p in written))
        expected = -(-12 // SETTINGS["max_records_per_file"])
        self.assertEqual(len([p for p in written if p.name.startswith("cdc-")]), expected)
        self.assertTrue(all(str(p).startswith(str(self.lake / SETTINGS["bucket"])) for p in written))


if __name__ == "__main__":
    unittest.main()
