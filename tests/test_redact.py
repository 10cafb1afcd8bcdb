"""Secrets in logs: redacted before fingerprinting and rendering, whatever their value."""

from __future__ import annotations

import base64
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from autoheal import fences, re2api, sanitize
from autoheal import redact as redact_mod
from autoheal.commands.triage import format_text
from autoheal.config import parse
from autoheal.errors import ConfigError
from autoheal.models import Diagnosis
from autoheal.redact import BUILTIN_PATTERNS, REDACTED, Redactor, redact, redact_lines
from autoheal.render import render_markdown
from autoheal.rules import default_ruleset
from tests.helpers import triage_text

RS = default_ruleset()
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"


@pytest.fixture(autouse=True)
def _builtin_patterns() -> Iterator[None]:
    redact_mod.configure()
    yield
    redact_mod.configure()


def _rand(alphabet: str, n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


GHP = "ghp_" + _rand(ALNUM, 36)
CASES = [
    # (line, the secret that must go)
    (f"remote: https://x-access-token:{GHP}@github.com/o/r.git", GHP),
    (f"git clone https://{GHP}@github.com/o/r", GHP),
    ("gho_" + _rand(ALNUM, 36, 2), "gho_" + _rand(ALNUM, 36, 2)),
    ("token ghu_" + _rand(ALNUM, 36, 3), _rand(ALNUM, 36, 3)),
    ("ghs_" + _rand(ALNUM, 36, 4) + " expired", _rand(ALNUM, 36, 4)),
    ("ghr_" + _rand(ALNUM, 76, 5), _rand(ALNUM, 76, 5)),
    ("github_pat_11ABCDEFG0" + _rand(ALNUM, 12) + "_" + _rand(ALNUM, 59), _rand(ALNUM, 59)),
    ("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
    ("key ASIAY34FZKBOKMUTVV7A used", "ASIAY34FZKBOKMUTVV7A"),
    ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ('"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"', "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ("SLACK=xoxb-1234567890-1234567890123-" + _rand(ALNUM, 24), _rand(ALNUM, 24)),
    ("xoxp-" + _rand(ALNUM, 30, 7), _rand(ALNUM, 30, 7)),
    ("https://hooks.slack.com/services/T00000000/B00000000/" + _rand(ALNUM, 24, 8), _rand(ALNUM, 24, 8)),
    ("npm_" + _rand(ALNUM, 36, 9), _rand(ALNUM, 36, 9)),
    ("//registry.npmjs.org/:_authToken=" + _rand(ALNUM, 40, 10), _rand(ALNUM, 40, 10)),
    ("pypi-AgEIcHlwaS5vcmc" + _rand(B64URL, 60, 11), _rand(B64URL, 60, 11)),
    ("AIza" + _rand(B64URL, 35, 12), _rand(B64URL, 35, 12)),
    ("sk_live_" + _rand(ALNUM, 24, 13), _rand(ALNUM, 24, 13)),
    ("rk_test_" + _rand(ALNUM, 24, 14), _rand(ALNUM, 24, 14)),
    ("glpat-" + _rand(ALNUM, 20, 15), _rand(ALNUM, 20, 15)),
    ("OPENAI_API_KEY sk-proj-" + _rand(B64URL, 48, 16), _rand(B64URL, 48, 16)),
    ("docker login -u ci -p dckr_pat_" + _rand(B64URL, 27, 19), _rand(B64URL, 27, 19)),
    (
        "Authorization: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    ),
    ("id_token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "eyJzdWIiOiJ4In0"),
    ("curl -H 'Authorization: Bearer " + _rand(ALNUM, 30, 17) + "'", _rand(ALNUM, 30, 17)),
    ("password=hunter2 user=me", "hunter2"),
    ("DB_PASSWORD: 'p@ss w0rd!'", "p@ss w0rd!"),
    ('{"password": "correct horse battery"}', "correct horse battery"),
    (":client_secret => 'abc123xyz'", "abc123xyz"),
    ("secret=s3cr3t-value", "s3cr3t-value"),
    ("api_key: 0123456789abcdef", "0123456789abcdef"),
    ("export MY_TOKEN=abcdefgh12345678", "abcdefgh12345678"),
    ("mysql://root:toor-pass@db:3306/app", "toor-pass"),
    ("mysql --password hunter22 -h db", "hunter22"),
    # A secret's name qualified by what it is or where it is used (as command-line captures used to redact).
    ("SECRET_KEY=django-insecure-0a1b2c", "django-insecure-0a1b2c"),
    ("config.secret_key_base: 0a1b2c3d4e5f", "0a1b2c3d4e5f"),
    ("DB_PASSWORD_PROD=hunter22", "hunter22"),
    ("export GITHUB_TOKEN_2=abcdefghij12", "abcdefghij12"),
    ('"client_secret_value": "s3cret"', "s3cret"),
    ("API_KEY_STAGING: 0123abcd9", "0123abcd9"),
    ("deploy --api-key 0123abcd --verbose", "0123abcd"),
    ("deploy --db-password hunter22", "hunter22"),
    ("login --n-token abcdefgh", "abcdefgh"),
    ("gh release upload --with-token 'a b c'", "a b c"),
    ("key: -----BEGIN RSA PRIVATE KEY-----MIIEow" + _rand(B64, 40), _rand(B64, 40)),
    (
        '"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEv' + _rand(B64, 30, 18) + '\\n-----END PRIVATE KEY-----\\n"',
        _rand(B64, 30, 18),
    ),
]


@pytest.mark.parametrize(("line", "secret"), CASES)
def test_builtin_patterns_redact(line: str, secret: str) -> None:
    out = redact(line)
    assert secret not in out
    assert REDACTED in out


def test_every_builtin_pattern_compiles_and_is_matched_by_a_case() -> None:
    # Each pattern's own regex compiles only when a line holds its secret: a bad edit would otherwise show
    # first on a real log. Every builtin must also be the one that redacts some case above.
    redactor = Redactor(BUILTIN_PATTERNS)
    for p in redactor.patterns:
        assert p.regex.pattern == p.source
    matched = {p.name for line, _ in CASES for p in redactor.patterns if p.regex.search(line)}
    assert matched == {name for name, _ in BUILTIN_PATTERNS}


class _PublicOnly:
    """A compiled set as a google-re2 release without the inner object would give it: its public Match alone."""

    def __init__(self, matcher: Any) -> None:
        self.Match = matcher.Match


def test_the_public_set_api_redacts_what_the_fast_path_does() -> None:
    """Where google-re2 has no inner set object, its public Match finds the same secrets."""
    fast, public = redact_mod.Redactor(redact_mod.BUILTIN_PATTERNS), redact_mod.Redactor(redact_mod.BUILTIN_PATTERNS)
    public._match = re2api.set_match(_PublicOnly(public._set))
    for line, _ in CASES:
        assert public.line(line) == fast.line(line) != line
    assert public.line("lone \ud800 surrogate") == fast.line("lone \ud800 surrogate") == "lone \ufffd surrogate"


@pytest.mark.parametrize(
    "line",
    [
        "SyntaxError: Unexpected token: punc (})",
        "SyntaxError: Unexpected token '<'",
        "tests passed: 10, failed: 2",
        "E   KeyError: 'token'",
        "password: ${{ secrets.DB_PASSWORD }}",
        "env: PASSWORD=$PASSWORD",
        "ModuleNotFoundError: No module named 'yaml'",
        "https://github.com/o/r/actions/runs/123",
        "sha256:" + "ab12" * 16,
        "ab12cd34" * 8,  # a lone hex digest is not a key body
        "Set up job: token permissions: contents: read",
        "docker login --password-stdin",
        "mysql --password $DB_PASSWORD",
        "vault --token-file /run/token",
        "password_file: /etc/app/password",
        "PASSWORD_MIN_LENGTH=8",
        "secret_name: deploy-key",
        "tokenizer: bert-base-uncased",
        "Unpacking libsecret-1-0:amd64 (0.16-0ubuntu1) ...",
        "Setting up libsecret-dev:amd64 (0.20.4-2) ...",
        "docker build --secret id=npmrc,src=.npmrc .",
        "pg_dump --no-password appdb",
        "psql --No-Password -h db appdb",
        "ghp_short",
    ],
)
def test_ordinary_log_text_is_left_alone(line: str) -> None:
    assert redact(line) == line


def _pem_body(lines: int, seed: int = 3) -> list[str]:
    data = random.Random(seed).randbytes(48 * lines)
    encoded = base64.b64encode(data).decode()
    return [encoded[i : i + 64] for i in range(0, len(encoded), 64)]


def test_key_block_is_redacted_from_begin_to_end() -> None:
    body = _pem_body(5)
    lines = ["before", "-----BEGIN OPENSSH PRIVATE KEY-----", *body, "-----END OPENSSH PRIVATE KEY-----", "after"]
    assert redact_lines(lines) == ["before", REDACTED, *[REDACTED] * len(body), REDACTED, "after"]


def test_key_block_whose_begin_is_out_of_sight() -> None:
    body = _pem_body(5)
    lines = ["ok then", *body[2:], "-----END RSA PRIVATE KEY-----", "after"]
    assert redact_lines(lines) == ["ok then", *[REDACTED] * 3, REDACTED, "after"]


def _triage(text: str) -> Diagnosis:
    return triage_text(text, RS)


def _everything(d: Diagnosis) -> str:
    """All the ways a diagnosis leaves autoheal, markdown escapes and word joiners undone."""
    shown = "\n".join([json.dumps(d.to_json()), format_text(d.to_json()), render_markdown(d)])
    return shown.replace("\\", "").replace(sanitize.WORD_JOINER, "")


FAILURE = "ModuleNotFoundError: No module named 'yaml'"


@pytest.mark.parametrize("body_lines", [8, 60])
@pytest.mark.parametrize("where", ["before", "after", "tail"])
def test_private_key_never_reaches_an_excerpt(body_lines: int, where: str) -> None:
    body = _pem_body(body_lines)
    key = ["-----BEGIN RSA PRIVATE KEY-----", *body[:-1], body[-1][:20] + "==", "-----END RSA PRIVATE KEY-----"]
    noise = [f"step {i}" for i in range(10)]
    if where == "before":
        lines = [*noise, *key, *noise, FAILURE, *noise]
    elif where == "after":
        lines = [*noise, FAILURE, *noise[:2], *key, *noise]
    else:  # no rule matches: the excerpt is the end of the log
        lines = [*noise, *key, "done"]
    d = _triage("\n".join(lines) + "\n")
    shown = _everything(d)
    assert len(d.excerpt) > 5
    for line in body:
        assert line not in shown and line[:20] not in shown


SECRET_KINDS = (
    st.tuples(st.sampled_from(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]), st.text(ALNUM, min_size=36, max_size=40)).map(
        "".join
    ),
    st.text(ALNUM + "_", min_size=82, max_size=82).map(lambda s: "github_pat_" + s),
    st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", min_size=16, max_size=16).map(lambda s: "AKIA" + s),
    st.text(B64, min_size=40, max_size=40).map(lambda s: "aws_secret_access_key=" + s),
    st.tuples(st.sampled_from("abposr"), st.text(ALNUM + "-", min_size=20, max_size=50)).map(
        lambda t: f"xox{t[0]}-{t[1]}"
    ),
    st.text(ALNUM, min_size=36, max_size=36).map(lambda s: "npm_" + s),
    st.text(B64URL, min_size=60, max_size=120).map(lambda s: "pypi-AgEIcHlwaS5vcmc" + s),
    st.text(B64URL, min_size=35, max_size=35).map(lambda s: "AIza" + s),
    st.text(ALNUM, min_size=24, max_size=40).map(lambda s: "sk_live_" + s),
    st.tuples(st.text(B64URL, min_size=10, max_size=40), st.text(B64URL, min_size=16, max_size=60)).map(
        lambda t: f"eyJhbGciOiJIUzI1NiJ9.eyJ{t[0]}.{t[1]}"
    ),
    st.text(ALNUM + "!#%*+-./@^_~", min_size=16, max_size=30).map(lambda s: "password=" + s),
    st.text(ALNUM + "-._~", min_size=16, max_size=30).map(lambda s: f"https://deploy:{s}@example.com/x"),
)
SEPARATORS = st.sampled_from([" ", "\t", "=", ":", '"', "'", "(", ")", ",", ";", "<", ">", "|", " -- "])
CONTEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30)
TEMPLATES = [
    "fatal: unable to access 'https://github.com/o/r/': The requested URL returned error: 403 {line}",
    "error: {line}",  # no rule: the unknown fallback, fingerprinted from the last lines
    "noise {line}\n" + FAILURE,  # a context line above the root cause
]


def _core(secret: str) -> str:
    """The part of a generated secret that is random (the rest is its fixed prefix)."""
    if secret.startswith("https://deploy:"):
        return secret.removeprefix("https://deploy:").removesuffix("@example.com/x")
    for marker in ("password=", "aws_secret_access_key="):
        if secret.startswith(marker):
            return secret[len(marker) :]
    return secret


@settings(max_examples=150, deadline=None)
@given(
    st.data(),
    CONTEXT,
    SEPARATORS,
    SEPARATORS,
    CONTEXT,
    st.sampled_from(TEMPLATES),
)
def test_a_secret_anywhere_in_a_line_never_leaves_and_does_not_move_the_fingerprint(
    data: st.DataObject, before: str, sep1: str, sep2: str, after: str, template: str
) -> None:
    kind = data.draw(st.sampled_from(SECRET_KINDS))
    first, second = data.draw(kind), data.draw(kind)
    assume(not any(_core(s) in before + after for s in (first, second)))  # the context itself is no leak
    outputs = []
    for secret in (first, second):
        line = f"{before}{sep1}{secret}{sep2}{after}"
        d = _triage("step 1\n" + template.format(line=line) + "\nmore output\n")
        shown = _everything(d)
        assert _core(secret) not in shown
        outputs.append((d.fingerprint, d.title, d.summary, shown.replace(d.path, "")))
    assert outputs[0] == outputs[1]


def test_step_names_are_redacted() -> None:
    log = f"##[group]Run git clone https://x:{GHP}@github.com/o/r\n{FAILURE}\n"
    d = _triage(log)
    assert d.step is not None and GHP not in d.step and REDACTED in d.step


def test_renderer_filters_redact_other_text() -> None:
    assert GHP not in sanitize.inline_text(f"see {GHP}")
    assert GHP not in sanitize.code_span(GHP)
    assert GHP not in fences.fence(sanitize.clean_control(f"a\n{GHP}\n"))
    long = "x" * 1990 + " " + GHP  # the cut at 2,000 characters would leave a stub too short to recognise
    assert GHP[:12] not in sanitize.inline_text(long)


def test_heal_redacts_a_human_written_issue_body() -> None:
    from autoheal.healevidence import diagnose_body

    d = diagnose_body(f"CI broke:\n\n```\n{FAILURE}\nexport NPM_TOKEN=npm_{_rand(ALNUM, 36)}\n```\n", RS)
    assert _rand(ALNUM, 36) not in _everything(d)


def test_config_adds_patterns() -> None:
    parse({"redact": [r"corp-[0-9]{6}", r"employee=(?P<secret>\w+)"]}, "autoheal.yml", Path("."))
    assert redact("id corp-123456 employee=jdoe x") == f"id {REDACTED} employee={REDACTED} x"
    d = _triage("error: corp-654321\n")
    assert "654321" not in _everything(d)
    parse({}, "autoheal.yml", Path("."))
    assert redact("corp-123456") == "corp-123456"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("corp-.*", "'redact' must be a list"),
        ([""], "'redact' must be a list"),
        (["ok", "(unclosed"], "redact[1] '(unclosed' is not a valid RE2 pattern"),
        (["(?=lookahead)"], "redact[0]"),
    ],
)
def test_config_patterns_are_checked_at_load(value: object, message: str) -> None:
    with pytest.raises(ConfigError, match=r"^autoheal\.yml: ") as caught:
        parse({"redact": value}, "autoheal.yml", Path("."))
    assert message in str(caught.value)


def test_configuring_the_builtin_set_while_it_is_active_compiles_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every config load configures redaction: without ``redact:`` that recompiled the RE2 set (7 ms)."""
    redact_mod.configure()
    active = redact_mod._active
    monkeypatch.setattr(redact_mod, "Redactor", None)  # any compile now fails
    redact_mod.configure()
    assert redact_mod._active is active


def test_a_pattern_is_compiled_only_once_a_line_matches_it() -> None:
    # Most logs hold no secret: the set answers for every line, a pattern's own regex is built on its
    # first match (start-up, issue 14).
    redactor = redact_mod.Redactor(redact_mod.BUILTIN_PATTERNS)
    assert redactor.line("plain build output") == "plain build output"
    assert not any("regex" in vars(p) for p in redactor.patterns)
    assert redactor.line("token ghp_" + "a" * 36) == "token " + redact_mod.REDACTED
    assert [p.name for p in redactor.patterns if "regex" in vars(p)] == ["github-token"]
