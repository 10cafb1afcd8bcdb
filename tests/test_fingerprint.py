from __future__ import annotations

from autoheal.fingerprint import fingerprint, mask


def test_noise_is_masked() -> None:
    a = mask("Timeout after 30.5s on port 43121 in /tmp/pytest-of-runner/pytest-3/x id 3f2c1ab9d")
    b = mask("Timeout after 12.0s on port 40007 in /tmp/pytest-of-runner/pytest-9/y id 77aa01bc2")
    assert a == b


def test_names_are_kept() -> None:
    assert mask("FAILED tests/test_a.py::test_foo1") != mask("FAILED tests/test_a.py::test_foo2")


def test_same_cause_same_fingerprint_across_runs() -> None:
    one = fingerprint("dependency.missing", "python.module-not-found", {"module": "yaml"}, "line 12")
    two = fingerprint("dependency.missing", "python.module-not-found", {"module": "yaml"}, "line 99")
    assert one == two and len(one) == 16


def test_different_cause_different_fingerprint() -> None:
    base = ("dependency.missing", "python.module-not-found")
    assert fingerprint(*base, {"module": "yaml"}, "") != fingerprint(*base, {"module": "requests"}, "")
    assert fingerprint("test.failure", "r", {}, "FAILED a::x") != fingerprint("test.failure", "r", {}, "FAILED a::y")


def test_measuring_captures_do_not_split_a_cause() -> None:
    line = "The job running on runner GitHub Actions {} has exceeded the maximum execution time of {} minutes."
    a = fingerprint("timeout", "gha.job-timeout", {"minutes": "30"}, line.format(4, 30))
    b = fingerprint("timeout", "gha.job-timeout", {"minutes": "45"}, line.format(17, 45))
    assert a == b
