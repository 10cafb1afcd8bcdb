"""Check bodies against GitHub's official OpenAPI description (shared/github/openapi-subset.json).

The description is OpenAPI 3.0: ``nullable: true`` is not JSON Schema, so schemas are converted
before validation (``type: X`` becomes ``type: [X, "null"]``; untyped nullable schemas become an
``anyOf`` with ``{"type": "null"}``) and OpenAPI-only keywords are dropped.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]  # no types-jsonschema in the test extras

SPEC_RELATIVE = Path("github") / "openapi-subset.json"
# Operations described beside the subset: shared/github/openapi-additions.json (same official
# description), then openapi-local.json here (operations the shared files lack, transcribed
# from GitHub's REST docs; each names its docs page).
ADDITIONS_RELATIVE = Path("github") / "openapi-additions.json"
LOCAL = Path(__file__).with_name("openapi-local.json")
METHODS = ("get", "post", "put", "patch", "delete")
# Keywords OpenAPI 3.0 adds to JSON Schema; they carry no validation meaning.
OPENAPI_ONLY = frozenset({"nullable", "example", "examples", "discriminator", "xml", "externalDocs", "deprecated"})
# Error statuses GitHub returns on any operation (auth, rate limits, outages) even where the
# description does not list them; their bodies are checked against "Basic Error".
BASIC_ERROR: dict[str, Any] = {
    "type": "object",
    "properties": {
        "message": {"type": "string"},
        "documentation_url": {"type": "string"},
        "url": {"type": "string"},
        "status": {"type": "string"},
    },
}


def shared_dir() -> Path:
    """The shared/ folder next to the repository, or ``$AUTOHEAL_SHARED_DIR``."""
    override = os.environ.get("AUTOHEAL_SHARED_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2].parent / "shared"


def spec_path() -> Path:
    return shared_dir() / SPEC_RELATIVE


def spec_missing_reason() -> str | None:
    """Why schema checks cannot run, or None when the description is present."""
    path = spec_path()
    if path.is_file():
        return None
    return f"GitHub OpenAPI description not found at {path} (set AUTOHEAL_SHARED_DIR)"


def to_json_schema(schema: Any) -> Any:
    """Convert an OpenAPI 3.0 schema (already dereferenced) to plain JSON Schema."""
    if isinstance(schema, list):
        return [to_json_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    converted = {
        key: (value if key in ("enum", "required") else to_json_schema(value))
        for key, value in schema.items()
        if key not in OPENAPI_ONLY and not key.startswith("x-")
    }
    if schema.get("nullable") is True:
        return _nullable(converted)
    return converted


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "enum" in schema and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]
    if isinstance(schema.get("type"), str):
        schema["type"] = [schema["type"], "null"]
        return schema
    return {"anyOf": [schema, {"type": "null"}]}


@dataclass(frozen=True)
class Violation:
    """One way a request or response did not match the description."""

    kind: str  # "response", "request" or "unknown-endpoint"
    method: str
    path: str
    template: str | None
    status: int | None
    errors: tuple[str, ...]

    def __str__(self) -> str:
        where = f"{self.method} {self.path} ({self.template or 'no operation'}) -> {self.status}"
        return f"{self.kind}: {where}: " + "; ".join(self.errors)


class OpenAPI:
    """The operations of the description, with cached validators per response."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self._validators: dict[tuple[str, str, str, str], jsonschema.protocols.Validator | None] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> OpenAPI:
        """The subset with the additions beside it merged in (only ``path`` when given)."""
        if path is not None:
            return _load(str(path))
        additions = shared_dir() / ADDITIONS_RELATIVE
        return _load(str(spec_path()), str(additions) if additions.is_file() else "")

    def operations(self) -> list[tuple[str, str]]:
        """Every (METHOD, path template) the description holds."""
        return [
            (method.upper(), template)
            for template, item in self.document["paths"].items()
            for method in item
            if method in METHODS
        ]

    def operation(self, method: str, template: str) -> dict[str, Any] | None:
        item = self.document["paths"].get(template, {})
        found: dict[str, Any] | None = item.get(method.lower())
        return found

    def statuses(self, method: str, template: str) -> list[int]:
        operation = self.operation(method, template) or {}
        return [int(code) for code in operation.get("responses", {})]

    def validate_response(
        self, method: str, template: str, status: int, body: Any, headers: dict[str, str] | None = None
    ) -> list[str]:
        """Errors of a response against the description (empty when it conforms)."""
        operation = self.operation(method, template)
        if operation is None:
            return [f"{method} {template} is not in the description"]
        response = operation["responses"].get(str(status))
        if response is None:
            if status >= 400:
                return _errors(_validator(BASIC_ERROR), body)
            return [f"status {status} is not documented for {method} {template}"]
        errors = _missing_headers(response, headers)
        validator = self._response_validator(method, template, status)
        if validator is None and status >= 400:
            # e.g. delete-ref documents 422 without content, yet GitHub sends an error body.
            return errors + _errors(_validator(BASIC_ERROR), body)
        if validator is None:
            if body not in (None, b"", ""):
                errors.append(f"status {status} documents no body but one was sent")
            return errors
        return errors + _errors(validator, body)

    def validate_request(self, method: str, template: str, body: Any) -> list[str]:
        """Errors of a JSON request body against the operation's requestBody schema."""
        operation = self.operation(method, template) or {}
        content = operation.get("requestBody", {}).get("content", {})
        schema = content.get("application/json", {}).get("schema")
        if schema is None or body is None:
            return []
        body = _REQUEST_QUIRKS.get((method.upper(), template), lambda b: b)(body)
        key = (method.upper(), template, "request", "")
        if key not in self._validators:
            self._validators[key] = _validator(to_json_schema(schema))
        validator = self._validators[key]
        return _errors(validator, body) if validator else []

    def _response_validator(self, method: str, template: str, status: int) -> jsonschema.protocols.Validator | None:
        key = (method.upper(), template, str(status), "application/json")
        if key not in self._validators:
            operation = self.operation(method, template) or {}
            content = operation["responses"][str(status)].get("content", {})
            schema = content.get("application/json", {}).get("schema")
            self._validators[key] = _validator(to_json_schema(schema)) if schema is not None else None
        return self._validators[key]


# The add-labels description says "You can also pass an array of labels directly" (PyGithub does),
# but its requestBody schema only admits the object form: wrap bare arrays before checking.
_REQUEST_QUIRKS: dict[tuple[str, str], Callable[[Any], Any]] = {
    ("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels"): lambda b: (
        {"labels": b} if isinstance(b, list) else b
    ),
}


@functools.lru_cache(maxsize=4)
def _load(path: str, additions: str = "") -> OpenAPI:
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    beside = Path(additions) if additions else Path(path).parent / ADDITIONS_RELATIVE.name
    for extra in (beside, LOCAL):
        if extra.is_file():
            for template, item in json.loads(extra.read_text(encoding="utf-8"))["paths"].items():
                document["paths"].setdefault(template, {}).update(item)
    return OpenAPI(document)


def _validator(schema: dict[str, Any]) -> jsonschema.protocols.Validator:
    # OpenAPI 3.0 schemas are a draft-4/5 dialect (boolean exclusiveMinimum, no const).
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def _errors(validator: jsonschema.protocols.Validator, body: Any) -> list[str]:
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '<root>'}: {error.message[:300]}"
        for error in sorted(validator.iter_errors(body), key=lambda e: list(map(str, e.absolute_path)))
    ]


def _missing_headers(response: dict[str, Any], headers: dict[str, str] | None) -> list[str]:
    # Only Location is always present when documented; Link appears only on multi-page lists.
    if headers is None or "Location" not in response.get("headers", {}):
        return []
    present = {name.lower() for name in headers}
    return [] if "location" in present else ["documented header Location is missing"]
