"""A stateful local double of the GitHub REST API slice autoheal uses (see README.md)."""

from __future__ import annotations

from .double import Double
from .faults import Fault
from .schema import OpenAPI, Violation
from .server import DEFAULT_TOKEN, Call
from .state import DEFAULT_REPO, State
from .zips import ZipJob, ZipStep, build_run_zip, sanitize_name, timestamped

__all__ = [
    "DEFAULT_REPO",
    "DEFAULT_TOKEN",
    "Call",
    "Double",
    "Fault",
    "OpenAPI",
    "State",
    "Violation",
    "ZipJob",
    "ZipStep",
    "build_run_zip",
    "sanitize_name",
    "timestamped",
]
