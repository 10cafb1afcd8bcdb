"""Run the double standalone: ``python -m tests.double --port 8765 --state state.json``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .double import Double
from .schema import spec_missing_reason
from .server import DEFAULT_TOKEN
from .state import State


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.double", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--state", type=Path, help="state JSON loaded at start (if it exists); POST /_double/save writes it"
    )
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--validate", action="store_true", help="check responses against the OpenAPI description")
    parser.add_argument("--verbose", action="store_true", help="log each request to stderr")
    args = parser.parse_args(argv)
    if args.validate and spec_missing_reason():
        parser.error(str(spec_missing_reason()))
    state = (
        State.from_json(json.loads(args.state.read_text(encoding="utf-8")))
        if args.state and args.state.exists()
        else None
    )
    double = Double(
        state,
        token=args.token,
        validate=args.validate,
        host=args.host,
        port=args.port,
        state_file=args.state,
        verbose=args.verbose,
    )
    print(double.url, flush=True)
    try:
        double.serve_forever()
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
