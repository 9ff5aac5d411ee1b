"""Switches that make a stack misbehave on purpose, for demonstrating gates and timeouts.

- `PIPELINE_FAIL=datalake` fails every suite and the deploy of datalake;
  `PIPELINE_FAIL=datalake:integration,dbt-warehouse:deploy` fails only those. Items are comma-separated.
- `PIPELINE_HANG=<stack>[:<suite>]` sleeps for `PIPELINE_HANG_SECONDS` (default 600) so a timeout fires.
"""
import os
import time


def _matches(variable, stack, phase, environ):
    for item in (environ.get(variable) or "").split(","):
        name, _, wanted = item.strip().partition(":")
        if name == stack and wanted in ("", phase):
            return True
    return False


def forced_failure(stack, phase, environ=None):
    """The failure message when `PIPELINE_FAIL` names this stack (and phase), else None."""
    environ = os.environ if environ is None else environ
    if _matches("PIPELINE_FAIL", stack, phase, environ):
        return f"forced failure of {stack} {phase} (PIPELINE_FAIL={environ['PIPELINE_FAIL']})"
    return None


def hang_if_asked(stack, phase, environ=None, sleep=time.sleep):
    environ = os.environ if environ is None else environ
    if _matches("PIPELINE_HANG", stack, phase, environ):
        sleep(float(environ.get("PIPELINE_HANG_SECONDS") or 600))


def check(testcase, stack, phase):
    """Body of the demo test every suite carries: hangs or fails when the switches ask for it."""
    hang_if_asked(stack, phase)
    message = forced_failure(stack, phase)
    if message:
        testcase.fail(message)
