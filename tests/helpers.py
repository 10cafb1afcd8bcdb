"""Small builders shared by tests (not fixtures: plain functions)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from autoheal import excerpt
from autoheal.logsource import bytes_doc
from autoheal.models import Diagnosis
from autoheal.rules import RuleSet, build_rule, compile_ruleset
from autoheal.triage import triage_docs

EXIT_RULE = """
  - id: generic.exit-code
    category: unknown
    patterns: ["^Process completed with exit code (?P<code>\\\\d+)"]
    confidence: 0.1
    priority: 1
"""
RULES = (
    """
rules:
  - id: python.module-not-found
    category: dependency.missing
    patterns: ["ModuleNotFoundError: No module named '(?P<module>[\\\\w.]+)'"]
    confidence: 0.95
    priority: 80
    hint: "Add `{module}` to the dependencies."
    context: {before: 4, after: 2}
  - id: pytest.failed
    category: test.failure
    patterns: ["^FAILED (?P<test>\\\\S+)"]
    confidence: 0.8
    priority: 40
"""
    + EXIT_RULE
)


def bare_ruleset() -> RuleSet:
    """No rule knows any tool: only the runner's exit line has a rule, so every block is generic."""
    return ruleset("rules:" + EXIT_RULE)


def ruleset(text: str = RULES, extra: list[dict[str, Any]] | None = None) -> RuleSet:
    raw = yaml.safe_load(text)["rules"] + (extra or [])
    return compile_ruleset(build_rule(r, "test.yaml") for r in raw)


def triage_text(
    log: str | Sequence[str], rules: RuleSet, source: str = "log.txt", name: str = "", baseline: Any = None
) -> Diagnosis:
    """Triage one log in process: ``log`` as text, or as lines (each then ends in a newline)."""
    text = log if isinstance(log, str) else "".join(f"{line}\n" for line in log)
    return triage_docs([bytes_doc(name, text.encode())], rules, source, baseline)


def gha_step(command: str, *body: str, code: int | None = 1) -> str:
    """One GitHub Actions step's log: its ``Run`` group, what it printed, and the runner's exit line (none when
    ``code`` is None)."""
    lines = [f"##[group]Run {command}", "##[endgroup]", *body]
    if code is not None:
        lines.append(f"##[error]Process completed with exit code {code}.")
    return "\n".join(lines) + "\n"


def assert_named(log: str, rules: RuleSet, category: str, rule: str, line: int) -> None:
    """A tool's documented message names the failure: its category and rule, its line among the key lines."""
    d = triage_text(log, rules, "job.txt", name="job.txt")
    assert (d.category, d.rule) == (category, rule)
    assert line in d.key_lines


def hit_ids(rules: RuleSet, line: str) -> set[str]:
    """The ids of the rules that hit one line."""
    return {rule.id for rule, _ in rules.hits(line)}


def run_python(
    args: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None, timeout: int = 120, **kw: Any
) -> subprocess.CompletedProcess[str]:
    """This Python in a process of its own (text streams captured, never raising on failure)."""
    cmd = [sys.executable, *args]
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False, **kw)


def autoheal_cli(*args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    """``python -m autoheal ARGS``; ``kw`` as for ``run_python``."""
    return run_python(["-m", "autoheal", *args], **kw)


def triage_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``autoheal triage --format json ARGS`` with no token from this machine (no
    ``$AUTOHEAL_TOKEN``/``$GITHUB_TOKEN``, no ``gh`` config) unless ``env`` gives one."""
    base = {k: v for k, v in os.environ.items() if k not in ("AUTOHEAL_TOKEN", "GITHUB_TOKEN", "GITHUB_API_URL")}
    env = {**base, "GH_CONFIG_DIR": str(cwd / "no-gh"), **(env or {})}
    return autoheal_cli("triage", "--format", "json", *args, cwd=cwd, env=env)


# Markdown safety checks shared by the rendering and report tests.
LIVE_MENTION = re.compile(r"(?<![\w`])@[A-Za-z0-9-]+")
LIVE_REFERENCE = re.compile(r"(?<![\w`])#\d|\bGH-\d", re.IGNORECASE)
FENCE_LINE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")


# Pieces attacker-controlled text is made of in the property tests: mentions, references, fences,
# comment ends, control and bidi characters, entities, table and link syntax.
HOSTILE_PIECES = (
    *("@", "#", "`", "```", "~~~", "<!--", "-->", "--!>", "\n", "\r", "\t", "\x00", "\x1b[31m", "\x85"),
    *("\u202e", "\u2066", "\u2028", "\U0001f600", "&#64;", "GH-", "user", "org/team", "1", "12", " ", "a"),
    *("\\", "*", "_", "[", "](", ")", "<", ">", "|", "-"),
)


def hostile_strings(max_text: int | None = None, max_pieces: int = 60) -> st.SearchStrategy[str]:
    """Any text, or text made of ``HOSTILE_PIECES``."""
    pieces = st.lists(st.sampled_from(HOSTILE_PIECES), max_size=max_pieces).map("".join)
    return st.one_of(st.text(max_size=max_text), pieces)


def split_fences(markdown: str) -> tuple[list[str], bool]:
    """Lines outside fenced code blocks, and whether every fence that opens also closes."""
    outside: list[str] = []
    opener: str | None = None
    for line in markdown.split("\n"):
        match = FENCE_LINE.fullmatch(line)
        if opener is None:
            if match and not (match[1][0] == "`" and "`" in match[2]):
                opener = match[1]
            else:
                outside.append(line)
        elif match and match[1][0] == opener[0] and len(match[1]) >= len(opener) and not match[2].strip(" \t"):
            opener = None
    return outside, opener is None


# Builders for the heal-step tests (test_healchecks, test_healdecline, test_healpr).
MISSING_MODULE_LOG = "E   ModuleNotFoundError: No module named 'yaml'\nProcess completed with exit code 1.\n"


def diagnosis(log: str = MISSING_MODULE_LOG) -> Any:
    return triage_docs([bytes_doc("test.txt", log.encode(), job="test")], ruleset(), "test")


def heal_run(double: Any, said: list[str] | None = None, **options: Any) -> Any:
    """A ``HealRun`` whose client talks to the GitHub double over HTTP."""
    from autoheal import gitops
    from autoheal.github_api import Client
    from autoheal.heal import HealOptions
    from autoheal.heal_output import HealSink
    from autoheal.healstate import HealRun

    say = (said if said is not None else []).append
    client = Client("octo-org/octo-repo", double.token, api_url=double.url, retries=0)
    opts = HealOptions(**options)
    auth = gitops.Auth(server_url="https://github.com")
    return HealRun(client, HealSink(client, opts.dry_run, say), ruleset(), opts, Path("."), auth, "main", say)


def proposal(new: str = "requests==2.31.0\npyyaml\n", path: str = "requirements.txt") -> Any:
    from autoheal.proposals import Change, FixProposal

    change = Change(path, "requests==2.31.0\n", new, "add pyyaml")
    return FixProposal("python_dependency", (change,), "add pyyaml", "The job imports yaml.")


ROOT = Path(__file__).resolve().parents[1]
ENTRYPOINT = ROOT / "entrypoint.py"
ACTION = ROOT / "action.yml"
REPO = "octo-org/octo-repo"


def run_entrypoint(env: dict[str, str], cwd: Path, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    """The action's real entrypoint in a process of its own, with the environment a runner gives it."""
    return run_python([str(ENTRYPOINT)], cwd, env, timeout)


# -- the runner's environment for the real entrypoint ----------------------------------------------
def action_inputs(action: Path = ACTION, token: str = "", **given: str) -> dict[str, str]:
    """What the runner makes of ``with:``: every input ``action`` declares, its default unless
    ``given``, ``${{ github.token }}`` evaluated to ``token``. Names as in the workflow
    (``dry-run``; ``dry_run`` is accepted too). A name the action does not declare is a test bug."""
    declared = yaml.safe_load(action.read_text())["inputs"]
    values = {name: str(spec.get("default", "")) for name, spec in declared.items()}
    values = {k: token if v == "${{ github.token }}" else v for k, v in values.items()}
    given = {k.replace("_", "-"): v for k, v in given.items()}
    unknown = set(given) - set(values)
    assert not unknown, f"not inputs of {action}: {sorted(unknown)}"
    return {**values, **given}


def as_env(inputs: dict[str, str]) -> dict[str, str]:
    """A Docker action's environment: INPUT_ + the name upper-cased, hyphens kept (INPUT_DRY-RUN)."""
    return {f"INPUT_{name.upper()}": value for name, value in inputs.items()}


def runner_env(
    tmp: Path,
    double: Any = None,
    *,
    action: Path | None = ACTION,
    event: Path | None = None,
    event_name: str = "workflow_run",
    out: Path | None = None,
    summary: Path | None = None,
    workspace: Path | None = None,
    **inputs: str,
) -> dict[str, str]:
    """Everything the runner gives the Docker action's entrypoint: ``GITHUB_*`` with the API and the
    git server at ``double``, a ``HOME`` and git config of the test's own, no write pacing, and the
    FULL ``INPUT_*`` set of ``action`` (defaults filled in, ``github-token`` the double's token),
    ``inputs`` given explicitly. ``action=None``: no ``INPUT_*`` (a composite action's step)."""
    env = {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
        "HOME": str(tmp),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GITHUB_ACTIONS": "true",
        "GITHUB_OUTPUT": str(out or tmp / "out"),
        "GITHUB_STEP_SUMMARY": str(summary or tmp / "summary"),
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_WORKFLOW": "autoheal report",
        "GITHUB_WORKFLOW_REF": f"{REPO}/.github/workflows/autoheal.yml@refs/heads/main",
        "GITHUB_WORKSPACE": str(workspace or tmp),
        "AUTOHEAL_WRITE_DELAY": "0",
        # Both actions ship a warm catalogue cache (the image's ENV, the composite's cached venv); the
        # test's HOME is empty, so without this every entrypoint would rebuild it (seconds of CPU).
        "AUTOHEAL_CACHE_DIR": shared_cache(),
    }
    if double is not None:
        env.update(GITHUB_API_URL=double.url, GITHUB_SERVER_URL=double.url)
    if event is not None:
        env.update(GITHUB_EVENT_PATH=str(event), GITHUB_EVENT_NAME=event_name)
    if action is not None:
        env.update(as_env(action_inputs(action, double.token if double is not None else "", **inputs)))
    else:
        assert not inputs, "a composite action's step gets no INPUT_* from the runner"
    return env


def shared_cache() -> str:
    """This process's own cache directory ("" when the developer turned caching off)."""
    from autoheal import diskcache

    return str(diskcache.cache_dir() or "")


def parse_outputs(text: str) -> dict[str, str]:
    """``$GITHUB_OUTPUT`` as the runner reads it: ``name<<DELIMITER`` blocks."""
    outputs, lines = {}, iter(text.splitlines())
    for line in lines:
        key, delimiter = line.split("<<", 1)
        value = []
        for inner in lines:
            if inner == delimiter:
                break
            value.append(inner)
        outputs[key] = "\n".join(value)
    return outputs


# -- real git ---------------------------------------------------------------------------------------
HUMAN = ("-c", "user.name=Human", "-c", "user.email=human@example.com")


def git_proc(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=check)


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd``; its stdout, stripped (a failure raises)."""
    return git_proc(cwd, *args).stdout.strip()


def seed_origin(tmp: Path, files: dict[str, str]) -> Path:
    """A bare ``origin.git`` in ``tmp`` whose ``main`` holds ``files`` in one commit by a human."""
    bare, seed = tmp / "origin.git", tmp / "seed"
    git(tmp, "init", "--quiet", "--bare", "-b", "main", str(bare))
    git(tmp, "clone", "--quiet", str(bare), str(seed))
    for path, text in files.items():
        (seed / path).parent.mkdir(parents=True, exist_ok=True)
        (seed / path).write_text(text)
    git(seed, "add", ".")
    git(seed, *HUMAN, "commit", "--quiet", "-m", "initial")
    git(seed, "push", "--quiet", "origin", "HEAD:refs/heads/main")  # straight to the path: not checked
    return bare


def never(_text: str) -> bool:
    """A baseline that knows no line (excerpt.block's ``known``)."""
    return False


def numbered(lines: list[str]) -> list[tuple[int, str]]:
    """Lines numbered from 1, as a log's are."""
    return list(enumerate(lines, start=1))


def block_shown(lines: list[str], anchor: int, least: tuple[int, int] = (0, 0), lead: bool = True) -> list[int]:
    """The line numbers excerpt.block shows for the block of line ``anchor`` of ``lines``."""
    return [n for n, _ in excerpt.block(numbered(lines), anchor, never, least, lead)]
