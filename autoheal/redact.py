"""Replace secrets in log text with ``[redacted]`` before anything is fingerprinted or posted.

Tools print tokens (``git clone https://x:ghp_…@github.com``, ``env`` dumps,
``curl -v`` headers, a key pasted into a test). GitHub masks only the secrets
it was given, so autoheal redacts the shapes that are secrets whatever their
value: provider tokens with fixed prefixes, ``password=``/``token:``
assignments, URL credentials, JWTs and PEM private-key blocks.

Redaction is applied once, where a line leaves the scan (``normalize``), so the
rules, the captures, the fingerprint and every rendered body see the same
redacted text; the renderer's filters apply it again as a second line of defence.

A pattern replaces its whole match, or only its group named ``secret`` when it
has one (``token=(?P<secret>…)`` keeps ``token=``). Extra patterns come from the
config's ``redact:`` list (RE2 syntax, compiled at load time by ``compile_patterns``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

import re2

from autoheal import lazyre, re2api
from autoheal.errors import ConfigError

REDACTED = "[redacted]"
_SURROGATE = lazyre.compile("[\ud800-\udfff]")

# What ends an unquoted assigned value (shell, YAML, JSON, URLs), and what a token is made of.
# A value starting with $ names a variable ($PASSWORD, ${{ secrets.X }}): that is context, not a secret.
_ANY_VALUE = r"""(?P<secret>"[^"$\n][^"\n]*"|'[^'$\n][^'\n]*'|[^\s"'`,;&<>(){}\[\]$][^\s"'`,;&<>(){}\[\]]*)"""
_TOKEN_VALUE = r"""(?P<secret>"[^"\n]{8,}"|'[^'\n]{8,}'|[A-Za-z0-9._~+/=-]{8,})"""
_ASSIGN = r"""["']?\s*(?:=>?|:)\s*"""
# Any value after these names is a secret; after the token-like names only a token-shaped one
# is ("Unexpected token: punc" is a JavaScript syntax error, not a credential).
_SECRET_NAMES = r"passw(?:or)?d|passphrase|secret|client[_-]?secret|private[_-]?key"
_TOKEN_NAMES = r"token|api[_-]?key|apikey|access[_-]?key(?:[_-]?id)?|auth[_-]?key"
# A variable's name may go on, after ``_``, with what the value is or where it is used (``SECRET_KEY``,
# ``secret_key_base``, ``DB_PASSWORD_PROD``, ``GITHUB_TOKEN_2``); any other tail (``password_file``,
# ``secret_name``) names something else, and ``libsecret-1-0:amd64`` or ``tokenizer`` no secret at all.
_QUALIFIER = r"(?:_(?:key|value|base|token|[0-9]+|prod(?:uction)?|dev(?:elopment)?|stag(?:e|ing)|test|live|ci))*"
# A flag's value after a space: not another flag, stdin (``--password -``, ``< file``) nor a $variable.
_FLAG_NAMES = rf"passw(?:or)?d|passphrase|client[_-]?secret|{_TOKEN_NAMES}"
_FLAG_VALUE = r"""(?P<secret>"[^"$\n][^"\n]*"|'[^'$\n][^'\n]*'|[^\s"'`$<|-][^\s"'`]*)"""
# A word of a flag's name before the secret's: any but ``no`` (``pg_dump --no-password DB`` names a database).
_FLAG_WORD = r"(?:[a-z0-9]{3,}|[a-mo-z0-9][a-z0-9]?|n[a-np-z0-9]?)"
BUILTIN_PATTERNS: tuple[tuple[str, str], ...] = (
    # PEM private keys: the BEGIN line to END on one line (a JSON-escaped key), else to the end of
    # the line; the body lines after it are handled by ``Redactor.lines``.
    ("private-key", r"-----BEGIN[ A-Z0-9]*PRIVATE KEY[ A-Z]*-----(?:.*?-----END[ A-Z0-9]*PRIVATE KEY[ A-Z]*-----|.*)"),
    # https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
    ("github-token", r"gh[pousr]_[A-Za-z0-9]{20,255}"),
    ("github-fine-grained-pat", r"github_pat_[A-Za-z0-9_]{20,255}"),
    ("gitlab-token", r"gl(?:pat|dt|ptt|rt|cbt|oas)-[A-Za-z0-9_-]{20,}"),
    ("aws-access-key-id", r"\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b"),
    (
        "aws-secret-access-key",
        r"(?i)aws.{0,20}?(?:secret|key).{0,20}?[\"']?\s*[:=]\s*[\"']?(?P<secret>[A-Za-z0-9/+=]{40})",
    ),
    ("slack-token", r"xox[abposr]-[A-Za-z0-9-]{10,}"),
    ("slack-webhook", r"hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_-]{20,}"),
    ("npm-token", r"npm_[A-Za-z0-9]{36}"),
    ("pypi-token", r"pypi-[A-Za-z0-9_-]{50,}"),
    ("google-api-key", r"AIza[0-9A-Za-z_-]{35}"),
    ("stripe-key", r"(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{10,}|whsec_[0-9A-Za-z]{20,}"),
    ("openai-anthropic-key", r"\bsk-(?:proj-|ant-[a-z0-9]+-)?[A-Za-z0-9_-]{32,}"),
    ("docker-hub-token", r"dckr_pat_[A-Za-z0-9_-]{20,}"),
    ("jwt", r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*"),
    ("authorization-header", r"(?i)\bauthorization\s*[:=]\s*(?:(?:bearer|basic|token)\s+)?(?P<secret>[^\s\"',;]+)"),
    ("bearer-token", r"(?i)\bbearer\s+(?P<secret>[A-Za-z0-9._~+/=-]{16,})"),
    ("url-credentials", r"(?i)\b[a-z][a-z0-9+.-]*://(?P<secret>[^/\s:@]*:[^/\s@]+)@"),
    # A command-line flag named like a secret with its value after a space (``mysql --password x``,
    # ``gh --token x``); ``--password=x`` is an assignment below. Not ``--token-file PATH``, ``--password -``,
    # nor docker's ``--secret id=x,src=PATH`` or ``--private-key PATH`` (a spec and a path, not secrets),
    # nor ``--no-password`` (a switch: what follows is an argument).
    ("secret-flag", rf"(?i)(?:^|\s)--(?:{_FLAG_WORD}[_-])*(?:{_FLAG_NAMES})\s+{_FLAG_VALUE}"),
    ("secret-assignment", rf"(?i)(?:{_SECRET_NAMES}){_QUALIFIER}{_ASSIGN}{_ANY_VALUE}"),
    ("token-assignment", rf"(?i)(?:{_TOKEN_NAMES}){_QUALIFIER}{_ASSIGN}{_TOKEN_VALUE}"),
)
_PEM_END = re2.compile(r"-----END[ A-Z0-9]*PRIVATE KEY[ A-Z]*-----")
_PEM_BEGIN = re2.compile(r"-----BEGIN[ A-Z0-9]*PRIVATE KEY[ A-Z]*-----")
# A body line of a PEM (64 columns) or OpenSSH (70) key whose BEGIN line lies outside the lines at hand.
# What lines between BEGIN and END hold: base64, or RFC 1421 headers (Proc-Type, DEK-Info).
_BODY_OR_HEADER = re2.compile(r"^\s*(?:[A-Za-z0-9+/=]+|[A-Za-z-]+: .*|\[redacted\])\s*$")
_KEY_BODY = re2.compile(r"^\s*[A-Za-z0-9+/]{64,76}\s*$")


class _Pattern:
    """One secret pattern. The set finds which patterns a line matches; a pattern's own regex is compiled
    the first time it matches one: most logs hold no secret, and compiling all 22 cost 23 M instructions
    of every start (issue 14)."""

    def __init__(self, name: str, source: str) -> None:
        self.name = name
        self.source = source

    @functools.cached_property
    def regex(self) -> Any:  # re2._Regexp
        return re2.compile(self.source, re2api.options())

    @functools.cached_property
    def secret_group(self) -> int:  # 0: the whole match
        return int(self.regex.groupindex.get("secret", 0))


class Redactor:
    """Redacts a fixed list of patterns; one RE2 set pass tells which of them to apply."""

    def __init__(self, patterns: Sequence[tuple[str, str]]) -> None:
        self.patterns = tuple(_Pattern(name, source) for name, source in patterns)
        self.builtin = tuple(patterns) == BUILTIN_PATTERNS
        self._set = re2.Set.SearchSet(re2api.options())
        for pattern in self.patterns:
            self._set.Add(pattern.source)
        self._set.Compile()
        self._match = re2api.set_match(self._set)  # without the wrapper's call per line

    def _found(self, text: str) -> list[int]:
        """Which patterns match ``text`` (one set search; UnicodeEncodeError for a lone surrogate)."""
        return self._match(text.encode("utf-8"))

    def line(self, text: str) -> str:
        """``text`` with every secret replaced by REDACTED."""
        try:
            found = self._found(text) if text else []
        except UnicodeEncodeError:  # a lone surrogate (RE2 takes UTF-8): it cannot be part of a secret
            text = _SURROGATE.sub("\ufffd", text)
            found = self._found(text)
        for index in sorted(found):
            text = self._apply(self.patterns[index], text)
        return REDACTED if _key_body(text) else text

    def lines(self, lines: Iterable[str]) -> list[str]:
        """Lines in order, with private-key blocks redacted from BEGIN through END.

        A block may start or end outside the lines given (the context around a
        hit): lines before an END without its BEGIN are inside a key too.
        """
        out: list[str] = []
        inside, began = False, False
        for text in lines:
            if "-----" not in text:  # in both markers: most lines are neither
                out.append(REDACTED if inside else self.line(text))
                continue
            if _PEM_BEGIN.search(text) and not _PEM_END.search(text):
                inside = began = True
                out.append(self.line(text))  # keeps what precedes BEGIN on the line
                continue
            if _PEM_END.search(text) and not _PEM_BEGIN.search(text):
                if not began:
                    _redact_body_above(out)
                inside, began = False, True
                out.append(REDACTED)
                continue
            out.append(REDACTED if inside else self.line(text))
        return out

    def text(self, text: str) -> str:
        """Multi-line text (a rendered field) redacted line by line, key blocks included."""
        if "\n" not in text:
            return self.line(text)
        return "\n".join(self.lines(text.split("\n")))

    @staticmethod
    def _apply(pattern: _Pattern, text: str) -> str:
        group = pattern.secret_group

        def replace(match: Any) -> str:
            whole = str(match.group(0))
            if match.start(group) < 0:  # the secret group did not take part
                return whole
            start, end = match.start(group) - match.start(), match.end(group) - match.start()
            return whole[:start] + REDACTED + whole[end:]

        return str(pattern.regex.sub(replace, text))


def _key_body(text: str) -> bool:
    """A line that is a private key's body line: one run of base64, 64 to 76 long, mixed like random bytes.

    A space inside the stripped line rules it out without RE2 (str.strip removes
    at least the whitespace RE2's ``\\s`` does, so the space is inside RE2's run too).
    """
    if len(text) < 64 or " " in text.strip():
        return False
    return bool(_KEY_BODY.search(text)) and _looks_random(text)


def _redact_body_above(out: list[str]) -> None:
    """An END whose BEGIN is out of sight: the key-body lines right above it are the key."""
    index = len(out) - 1
    while index >= 0 and _BODY_OR_HEADER.match(out[index]):
        out[index] = REDACTED
        index -= 1


def _looks_random(text: str) -> bool:
    # Base64 of random bytes mixes cases and digits; a lone hex digest or a ruler of dashes does not.
    stripped = text.strip()
    return (
        any(c.isupper() for c in stripped) and any(c.islower() for c in stripped) and any(c.isdigit() for c in stripped)
    )


def compile_patterns(patterns: object, source: str) -> tuple[tuple[str, str], ...]:
    """The config's ``redact:`` list, each pattern checked by compiling it with RE2."""
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
        raise ConfigError(f"{source}: 'redact' must be a list of non-empty RE2 patterns")
    checked = []
    for index, pattern in enumerate(patterns):
        try:
            re2.compile(pattern, re2api.options())
        except re2.error as exc:
            raise ConfigError(f"{source}: redact[{index}] {pattern!r} is not a valid RE2 pattern ({exc})") from None
        checked.append((f"config-{index}", pattern))
    return tuple(checked)


_active = Redactor(BUILTIN_PATTERNS)


def configure(extra: Sequence[tuple[str, str]] = ()) -> None:
    """Redact the built-in patterns plus ``extra`` from now on (the loaded config's ``redact:``).

    Process-wide, like logging's configuration: the scan, triage and the
    renderer all see the same set without threading it through every call. With no ``extra`` while the
    built-in set is active, nothing to do: compiling it again cost 7 ms a triage.
    """
    global _active
    if not extra and _active.builtin:
        return
    _active = Redactor((*BUILTIN_PATTERNS, *extra))


def builtin_only() -> bool:
    """Whether only the built-in patterns are active (no ``redact:`` from the config)."""
    return _active.builtin


def redact(text: str) -> str:
    """One line (or a multi-line text) with every secret the active set knows replaced."""
    return _active.text(text)


def redact_lines(lines: Iterable[str]) -> list[str]:
    """Consecutive log lines, key blocks that span them included."""
    return _active.lines(lines)
