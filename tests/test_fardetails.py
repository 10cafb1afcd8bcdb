"""The details a verdict counts, far above the lines the scan kept (autoheal/fardetails.py)."""

from __future__ import annotations

from autoheal.rules import default_ruleset
from tests.helpers import triage_text


def _console(far: int) -> list[str]:
    """A console with no CI markers: a check harness no rule knows, one failing case ``far`` lines up."""
    failing = ["[core] keeps the ledger balanced ... FAILED", "    expected: 0", "    actual:   12"]
    passing = [f"[svc-{i:03d}] case ... ok" for i in range(far)]
    return ["ledger-check: 3 suites", "[core] opens ... ok", *failing, *passing, f"{far + 2} checks, 1 failed"]


def test_a_log_without_markers_offers_its_far_blocks_to_the_verdict() -> None:
    d = triage_text(_console(400), default_ruleset())
    # The failing case's block is 400 lines above the tally, out of the log's last lines: it is the cause.
    assert d.category == "test.failure"
    assert any("keeps the ledger balanced ... FAILED" in line.text for line in d.excerpt)
