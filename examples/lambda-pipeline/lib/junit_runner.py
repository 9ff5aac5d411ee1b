"""Runs a unittest discovery like `python3 -m unittest discover -s DIR` and also writes JUnit XML.

Usage, from a stack folder:  python3 ../../lib/junit_runner.py -s tests/integration -o reports/integration.xml
Exit status: 0 when every test passed, 1 otherwise (as unittest's own runner).
"""
import argparse
import os
import sys
import time
import unittest
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, os.getcwd())
sys.path.insert(1, str(Path(__file__).resolve().parent))

from pipeline_common import files  # noqa: E402


class RecordingResult(unittest.TextTestResult):
    """A text result that also keeps (test, outcome, seconds, detail) for every test."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cases = []
        self._started = 0.0

    def startTest(self, test):
        self._started = time.perf_counter()
        super().startTest(test)

    def _record(self, test, outcome, detail=""):
        self.cases.append((test, outcome, time.perf_counter() - self._started, detail))

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failure", self.failures[-1][1])

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "error", self.errors[-1][1])

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skipped", reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._record(test, "passed")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._record(test, "failure", "unexpected success")


def junit_xml(name, cases, seconds):
    """The JUnit XML document (one <testsuite>) for the recorded cases."""
    count = {kind: sum(1 for case in cases if case[1] == kind) for kind in ("failure", "error", "skipped")}
    suites = ET.Element("testsuites", name=name, tests=str(len(cases)), failures=str(count["failure"]),
                        errors=str(count["error"]), skipped=str(count["skipped"]), time=f"{seconds:.3f}")
    suite = ET.SubElement(suites, "testsuite", name=name, tests=str(len(cases)), failures=str(count["failure"]),
                          errors=str(count["error"]), skipped=str(count["skipped"]), time=f"{seconds:.3f}")
    for test, outcome, elapsed, detail in cases:
        test_id = test.id()
        classname, _, method = test_id.rpartition(".")
        case = ET.SubElement(suite, "testcase", classname=classname or test_id, name=method or test_id, time=f"{elapsed:.3f}")
        if outcome == "skipped":
            ET.SubElement(case, "skipped", message=detail)
        elif outcome in ("failure", "error"):
            element = ET.SubElement(case, outcome, message=detail.strip().splitlines()[-1] if detail.strip() else outcome)
            element.text = detail
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-s", "--start-directory", required=True)
    parser.add_argument("-o", "--output", required=True, help="JUnit XML file to write")
    parser.add_argument("-p", "--pattern", default="test*.py")
    parser.add_argument("--name", default=None, help="suite name in the XML (default: <stack folder>.<start dir name>)")
    args = parser.parse_args(argv)
    name = args.name or f"{Path.cwd().name}.{Path(args.start_directory).name}"
    tests = unittest.defaultTestLoader.discover(args.start_directory, pattern=args.pattern)
    started = time.perf_counter()
    result = unittest.TextTestRunner(resultclass=RecordingResult, verbosity=1).run(tests)
    files.write_atomic(args.output, junit_xml(name, result.cases, time.perf_counter() - started))
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
