"""Admin endpoints under /_double/ (no auth, not logged): state, seed, faults, requests, violations.

GET    /_double/state        the state as JSON          PUT  /_double/state   replace it
POST   /_double/save         write it to --state        POST /_double/seed    seed (see seed.apply_seed)
GET    /_double/faults       pending faults             POST /_double/faults  add one (object) or many (list)
DELETE /_double/faults       drop them all
GET    /_double/requests     the request log            DELETE /_double/requests  clear it
GET    /_double/violations   schema violations
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .faults import Fault
from .seed_json import apply_seed
from .state import State

if TYPE_CHECKING:
    from .server import Service

AdminHandler = Callable[["Service", Any], Any]


def get_state(service: Service, _: Any) -> Any:
    return service.state.to_json()


def put_state(service: Service, body: Any) -> Any:
    service.state = State.from_json(body)
    return {"loaded": True}


def save_state(service: Service, _: Any) -> Any:
    if service.state_file is None:
        raise ValueError("the double was started without --state; nothing to save to")
    service.state_file.write_text(json.dumps(service.state.to_json(), indent=1), encoding="utf-8")
    return {"saved": str(service.state_file)}


def seed(service: Service, body: Any) -> Any:
    return {"created": apply_seed(service.state, body)}


def get_faults(service: Service, _: Any) -> Any:
    return [dataclasses.asdict(fault) for fault in service.faults.pending()]


def add_faults(service: Service, body: Any) -> Any:
    items = body if isinstance(body, list) else [body]
    added = [service.faults.add(Fault(**item)) for item in items]
    return [dataclasses.asdict(fault) for fault in added]


def clear_faults(service: Service, _: Any) -> Any:
    service.faults.clear()
    return {"cleared": True}


def get_requests(service: Service, _: Any) -> Any:
    return [call.to_json() for call in service.requests]


def clear_requests(service: Service, _: Any) -> Any:
    service.requests.clear()
    return {"cleared": True}


def get_violations(service: Service, _: Any) -> Any:
    return [dataclasses.asdict(violation) for violation in service.schema_violations]


ADMIN: dict[tuple[str, str], AdminHandler] = {
    ("GET", "state"): get_state,
    ("PUT", "state"): put_state,
    ("POST", "save"): save_state,
    ("POST", "seed"): seed,
    ("GET", "faults"): get_faults,
    ("POST", "faults"): add_faults,
    ("DELETE", "faults"): clear_faults,
    ("GET", "requests"): get_requests,
    ("DELETE", "requests"): clear_requests,
    ("GET", "violations"): get_violations,
}


def admin(service: Service, method: str, path: str, raw: bytes) -> tuple[int, Any]:
    handler = ADMIN.get((method, path.removeprefix("/_double/").strip("/")))
    if handler is None:
        return 404, {
            "message": f"no admin endpoint {method} {path}",
            "endpoints": [f"{m} /_double/{p}" for m, p in ADMIN],
        }
    try:
        body = json.loads(raw) if raw.strip() else None
        with service.lock:
            return 200, handler(service, body)
    except (ValueError, TypeError, KeyError) as error:
        return 400, {"message": f"{type(error).__name__}: {error}"}
