"""Helpers for the stacks' unittest suites."""
import sys
import tempfile
import unittest
from pathlib import Path

from . import config, demo


class TempDirTestCase(unittest.TestCase):
    """A test case with a fresh temporary folder in `self.tmp`, removed after each test."""

    def setUp(self):
        folder = tempfile.TemporaryDirectory(prefix="lambda-pipeline-")
        self.addCleanup(folder.cleanup)
        self.tmp = Path(folder.name)


def stack_settings(test_file):
    """Settings of the current environment for the stack whose tests/<suite>/ holds `test_file`."""
    return config.load_settings(Path(test_file).resolve().parents[2])


def switch_test(stack, suite):
    """A test case class that fails or hangs when PIPELINE_FAIL / PIPELINE_HANG name this stack and suite."""

    class DemoSwitch(unittest.TestCase):
        def test_not_forced_to_fail(self):
            demo.check(self, stack, suite)

    DemoSwitch.__module__ = sys._getframe(1).f_globals.get("__name__", DemoSwitch.__module__)
    DemoSwitch.__qualname__ = "DemoSwitch"
    return DemoSwitch
