import unittest

from catalog import crawler, infer, store
from pipeline_common import testing  # after the stack's package, which puts lib/ on the path

DemoSwitch = testing.switch_test("glue-catalog", "unit")


def table(columns, partitions=()):
    return {"StorageDescriptor": {"Columns": [{"Name": n, "Type": t} for n, t in columns]},
            "PartitionKeys": [{"Name": n, "Type": t} for n, t in partitions]}


class InferTests(unittest.TestCase):
    def test_value_types(self):
        values = [None, True, 3, 2.5, "2026-03-01", "2026-03-01T10:00:00Z", "2026-03-01T10:00:00.123Z", "DE", {"a": 1}]
        self.assertEqual([infer.value_type(v) for v in values],
                         [None, "boolean", "bigint", "double", "date", "timestamp", "timestamp", "string", "string"])

    def test_types_widen_as_rows_come_in(self):
        rows = [{"a": 1, "b": "2026-03-01", "c": None, "d": 1}, {"a": 2.5, "b": "2026-03-01T00:00:00Z", "d": "x", "e": None}]
        self.assertEqual(infer.infer_columns(rows, exclude=("e",)),
                         [{"Name": "a", "Type": "double"}, {"Name": "b", "Type": "timestamp"},
                          {"Name": "c", "Type": "string"}, {"Name": "d", "Type": "string"}])

    def test_partition_values_come_from_folder_names(self):
        self.assertEqual(crawler.partition_values("/l/t", "/l/t/dt=2026-03-01/h=10/part-00000.jsonl"),
                         [("dt", "2026-03-01"), ("h", "10")])


class EvolutionTests(unittest.TestCase):
    def test_added_columns_and_widenings_are_safe(self):
        changes = store.compare(table([("a", "bigint")], [("dt", "date")]), table([("a", "double"), ("b", "string")], [("dt", "date")]))
        self.assertEqual(changes, {"added": ["b"], "removed": [], "retyped": [("a", "bigint", "double")]})
        self.assertEqual(store.breaking(changes), [])

    def test_removals_and_narrowings_break_readers(self):
        changes = store.compare(table([("a", "string"), ("b", "bigint")]), table([("a", "bigint")]))
        self.assertEqual(store.breaking(changes), ["b", "a string→bigint"])


if __name__ == "__main__":
    unittest.main()
