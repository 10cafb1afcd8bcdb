"""The derived-pattern cache: a hit is reused, a damaged or unwritable cache never changes a result."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import autoheal
from autoheal import diskcache, prefiltercache, ruleload
from autoheal.errors import ConfigError
from autoheal.prefilter import prefilter_parts
from autoheal.rules import default_ruleset


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AUTOHEAL_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_an_entry_round_trips_and_a_damaged_one_is_ignored(cache: Path) -> None:
    assert diskcache.store("demo", "ab" * 32, b"payload")
    assert diskcache.load("demo", "ab" * 32) == b"payload"
    [entry] = cache.glob("demo-*.bin")
    data = entry.read_bytes()
    entry.write_bytes(data[:-1] + b"X")  # one flipped byte
    assert diskcache.load("demo", "ab" * 32) is None
    entry.write_bytes(data[:10])  # truncated
    assert diskcache.load("demo", "ab" * 32) is None
    assert [p.name for p in cache.iterdir()] == [entry.name]  # no temporary files left behind


def test_keys_keep_list_boundaries_apart() -> None:
    assert diskcache.key(["ab"]) != diskcache.key(["a", "b"])
    assert diskcache.key(["a"], ["b"]) != diskcache.key(["a", "b"])


def test_a_key_is_the_stored_layouts_and_is_worked_out_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    # The digest of this layout (entries written before keys were remembered stay valid).
    expected = "c267f1c5b228cddde5162857d1b2cccc8ec693cc9de94412e685159badd01bbe"
    assert diskcache.key(["ab"], "c", iter(["", "\u00e9\ud800"])) == expected
    hashed: list[bytes] = []
    real = diskcache.hashlib.sha256
    monkeypatch.setattr(diskcache.hashlib, "sha256", lambda data=b"": hashed.append(data) or real(data))
    patterns = [f"pattern {n}" for n in range(900)]
    assert diskcache.key(patterns, "k") == diskcache.key(list(patterns), "k")
    assert len(hashed) == 1


def test_code_digests_hash_each_module(tmp_path: Path) -> None:
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("x = 1\n")
    b.write_text("x = 2\n")
    assert len(set(diskcache.code_digests((a, b)))) == 2


def _sourceless_keys() -> list[str]:
    """The keys of the catalogue, the prefilter and (where installed) the Hyperscan database."""
    diskcache.code_digests.cache_clear()  # the code is hashed once per process: this one lost its source
    keys = [ruleload._catalogue_key(b"x"), prefiltercache.patterns_key(["x"])]
    try:
        from autoheal import hsdb
    except ImportError:
        return keys
    return [*keys, hsdb._key(default_ruleset(), "hs")]


def test_a_sourceless_install_keys_every_entry_on_its_version(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only .pyc files installed: each entry is still keyed (and cached), and an upgrade makes it stale."""
    cold = ruleload.builtin_rules()
    real = Path.read_bytes

    def sourceless(path: Path) -> bytes:
        if path.suffix == ".py":
            raise FileNotFoundError(path)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", sourceless)
    try:
        old = _sourceless_keys()
        assert old == _sourceless_keys()
        assert ruleload.builtin_rules() == ruleload.builtin_rules() == cold  # stored, then read back
        assert list(cache.glob("catalogue-*.bin"))
        monkeypatch.setattr(autoheal, "__version__", "99.0")
        assert all(a != b for a, b in zip(old, _sourceless_keys(), strict=True))
    finally:
        monkeypatch.undo()
        diskcache.code_digests.cache_clear()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_directory_only_means_no_cache(cache: Path) -> None:
    cache.mkdir()
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert not diskcache.store("demo", "cd" * 32, b"x")
        assert prefiltercache.prefilter_of(["No module named '(?P<m>\\w+)'"]).exact
    finally:
        cache.chmod(stat.S_IRWXU)


def test_a_cache_path_that_is_a_file_only_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("AUTOHEAL_CACHE_DIR", str(blocker / "cache"))
    assert not diskcache.store("demo", "cd" * 32, b"x")
    assert prefiltercache.prefilter_of(["No module named '(?P<m>\\w+)'"]).exact == ("No module named '",)


def test_an_empty_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTOHEAL_CACHE_DIR", "")
    assert diskcache.cache_dir() is None
    assert not diskcache.store("demo", "ef" * 32, b"x")


def test_the_cached_prefilter_is_the_derived_one_and_is_reused(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns = [p for r in ruleload.builtin_rules() for p in r.patterns]
    first = prefiltercache.prefilter_of(patterns)
    assert first == prefilter_parts(patterns, prefiltercache._relax)
    assert list(cache.glob("prefilter-*.bin"))

    def fail(*args: object) -> None:
        raise AssertionError("derived again despite the cache")

    monkeypatch.setattr(prefiltercache, "prefilter_parts", fail)
    assert prefiltercache.prefilter_of(patterns) == first
    # Different patterns (a user rule) are a different entry, derived at run time.
    monkeypatch.undo()
    monkeypatch.setenv("AUTOHEAL_CACHE_DIR", str(cache))
    assert prefiltercache.prefilter_of([*patterns, "Kaboom: (?P<what>\\w+)"]) != first


def test_a_damaged_prefilter_entry_is_derived_again(cache: Path) -> None:
    patterns = ["No module named '(?P<m>\\w+)'", "(?i)segmentation fault"]
    expected = prefiltercache.prefilter_of(patterns)
    [entry] = cache.glob("prefilter-*.bin")
    entry.write_bytes(entry.read_bytes()[:-3])
    assert prefiltercache.prefilter_of(patterns) == expected
    # A valid checksum over JSON of the wrong shape is also ignored.
    diskcache.store("prefilter", prefiltercache.patterns_key(patterns), b'{"exact": [1]}')
    assert prefiltercache.prefilter_of(patterns) == expected


def test_the_catalogue_read_from_the_cache_is_the_yaml_one(cache: Path) -> None:
    cold = ruleload.builtin_rules()
    assert list(cache.glob("catalogue-*.bin"))
    warm = ruleload.builtin_rules()
    assert warm == cold
    assert [r.patterns for r in warm] == [r.patterns for r in cold]


def _stored_rows() -> list[list[object]]:
    digest = ruleload._catalogue_key(ruleload.BUILTIN_RULES.read_bytes())
    assert digest is not None
    payload = diskcache.load("catalogue", digest)
    assert payload is not None
    rows: list[list[object]] = json.loads(payload)
    return rows


def _edited(field: str, value: object) -> bytes:
    """The catalogue's own entry with one field of its first rule changed: types right, value not."""
    ruleload.builtin_rules()
    rows = _stored_rows()
    rows[0][ruleload._FIELDS.index(field)] = value
    return json.dumps(rows).encode()


@pytest.mark.parametrize(
    "payload",
    [
        b"not json at all",
        b"(" * 3000,  # as marshal data, a tuple of 673M items: marshal.loads would allocate ~5 GB
        b"[" * 100_000,  # nested past the recursion limit
        json.dumps({"rules": []}).encode(),  # another layout
        json.dumps([["only", "three", "fields"]]).encode(),
        json.dumps([["x"] * len(ruleload._FIELDS)]).encode(),  # a number field holding text
    ],
)
def test_a_damaged_or_foreign_catalogue_entry_is_ignored_and_rebuilt(cache: Path, payload: bytes) -> None:
    """An entry whose checksum holds but whose rows are not the validated rules' (an older layout) is rebuilt."""
    _check_rebuilt(cache, payload)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("category", "zzz"),
        ("severity", "fatal"),
        ("patterns", []),
        ("patterns", ["x", 3]),
        ("exclude", [None]),
        ("confidence", 7.0),
        ("context_before", -1),
        ("context_after", 999),
        ("transient", "yes"),
        ("summary", None),
    ],
)
def test_an_entry_with_a_value_build_rule_refuses_is_rebuilt(cache: Path, field: str, value: object) -> None:
    _check_rebuilt(cache, _edited(field, value))


def test_an_entry_naming_one_rule_twice_is_rebuilt(cache: Path) -> None:
    ruleload.builtin_rules()
    rows = _stored_rows()
    _check_rebuilt(cache, json.dumps([*rows, rows[0]]).encode())


def _check_rebuilt(cache: Path, payload: bytes) -> None:
    cold = ruleload.builtin_rules()
    [entry] = cache.glob("catalogue-*.bin")
    digest = ruleload._catalogue_key(ruleload.BUILTIN_RULES.read_bytes())
    assert digest is not None
    assert diskcache.store("catalogue", digest, payload)
    assert ruleload.builtin_rules() == cold
    assert diskcache.load("catalogue", digest) != payload  # rewritten from the YAML
    entry.write_bytes(entry.read_bytes()[:-3])  # truncated: the checksum fails
    assert ruleload.builtin_rules() == cold


def test_the_catalogue_entry_is_stale_when_the_validating_code_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ruleload.BUILTIN_RULES.read_bytes()
    before = ruleload._catalogue_key(text)
    real = Path.read_bytes

    def edited(path: Path) -> bytes:
        data = real(path)
        return data + b"\n# edited" if path.name == "rule.py" else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    diskcache.code_digests.cache_clear()  # the code is hashed once per process: this one "edited" it
    try:
        assert ruleload._catalogue_key(text) != before
    finally:
        monkeypatch.undo()
        diskcache.code_digests.cache_clear()
    assert ruleload._catalogue_key(text + b"\n") != before


def test_a_warm_start_reads_no_yaml(cache: Path) -> None:
    """The catalogue from the cache: PyYAML is imported only to parse it again (issue 14's start-up)."""
    code = "import sys; from autoheal import ruleload; ruleload.builtin_rules(); print('yaml' in sys.modules)"
    env = {**os.environ, "AUTOHEAL_CACHE_DIR": str(cache)}
    cold = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    warm = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert (cold.stdout.strip(), warm.stdout.strip()) == ("True", "False")


def test_a_triage_without_a_config_file_imports_no_yaml(cache: Path, tmp_path: Path) -> None:
    """The whole command, as a user runs it: the config layer parses YAML only when there is a file."""
    log = tmp_path / "job.log"
    log.write_text("collecting ...\nE   ModuleNotFoundError: No module named 'yaml'\n")
    code = (
        "import sys; from autoheal import cli\n"
        "try:\n    cli.main(['triage', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
        "print('yaml' in sys.modules, file=sys.stderr)"
    )
    env = {**os.environ, "AUTOHEAL_CACHE_DIR": str(cache)}
    runs = [
        subprocess.run([sys.executable, "-c", code, str(log)], env=env, cwd=tmp_path, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert "dependency.missing" in runs[1].stdout
    assert runs[1].stderr.strip().splitlines()[-1] == "False"


def test_a_bad_user_pattern_is_still_reported_at_load_time() -> None:
    with pytest.raises(ConfigError, match="not valid RE2"):
        ruleload.build_rule({"id": "x", "category": "test.failure", "patterns": ["(unclosed"]}, "user.yml")


def test_the_prefilter_key_changes_with_every_module_that_derives_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cached prefilter is stale when the code that derived it changed (cores come from regex_core.py)."""
    names = {p.name for p in prefiltercache._DERIVERS}
    assert {"prefilter.py", "prefilterpairs.py", "regex_core.py"} <= names
    before = prefiltercache.patterns_key(["x"])
    real = Path.read_bytes

    def edited(path: Path) -> bytes:
        data = real(path)
        return data + b"\n# edited" if path.name == "regex_core.py" else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    diskcache.code_digests.cache_clear()  # the code is hashed once per process: this one "edited" it
    try:
        assert prefiltercache.patterns_key(["x"]) != before
    finally:
        monkeypatch.undo()
        diskcache.code_digests.cache_clear()


@pytest.mark.parametrize("loose", ["directory", "file"])
def test_an_entry_others_may_write_is_not_trusted(cache: Path, loose: str) -> None:
    """A cache directory or entry writable by other users could hold anyone's results: it is no cache."""
    assert diskcache.store("demo", "ab" * 32, b"payload")
    assert diskcache.load("demo", "ab" * 32) == b"payload"
    assert stat.S_IMODE(cache.stat().st_mode) & 0o077 == 0  # made private
    [entry] = cache.glob("demo-*.bin")
    target = cache if loose == "directory" else entry
    target.chmod(stat.S_IMODE(target.stat().st_mode) | stat.S_IWGRP | stat.S_IWOTH)
    try:
        assert diskcache.load("demo", "ab" * 32) is None
    finally:
        target.chmod(stat.S_IMODE(target.stat().st_mode) & ~0o022)
    assert diskcache.load("demo", "ab" * 32) == b"payload"
