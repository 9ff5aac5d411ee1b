"""Environment-specific settings of a stack, read from the stack's config.json.

The environment is `SHIPGATE_ENV` (default `development`). Variables that shipgate exports from
the environment manifest override the file: `DATA_BUCKET` replaces the `bucket` setting.
"""
import json
import os
from pathlib import Path

DEFAULT_ENV = "development"
OVERRIDES = {"DATA_BUCKET": "bucket"}


class ConfigError(Exception):
    """The config file is missing, malformed or has no section for the environment."""


def current_env(environ=None):
    environ = os.environ if environ is None else environ
    return environ.get("SHIPGATE_ENV") or DEFAULT_ENV


def load_settings(stack_dir, env=None, environ=None):
    """Settings of `env` (default: the current environment) from `<stack_dir>/config.json`."""
    environ = os.environ if environ is None else environ
    env = env or current_env(environ)
    path = Path(stack_dir) / "config.json"
    try:
        sections = json.loads(path.read_text())
    except (OSError, ValueError) as error:
        raise ConfigError(f"{path}: cannot read settings: {error}") from error
    if env not in sections:
        known = ", ".join(sorted(sections))
        raise ConfigError(f"{path}: no settings for environment '{env}' (known: {known}); set SHIPGATE_ENV to one of them")
    settings = dict(sections[env])
    for variable, key in OVERRIDES.items():
        if environ.get(variable) and key in settings:
            settings[key] = environ[variable]
    settings["env"] = env
    return settings
