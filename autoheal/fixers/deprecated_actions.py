"""Bump deprecated actions to their current major version.

Applies to ``action.deprecated`` failures, and to any failure whose log says
``uses a deprecated version of `actions/upload-artifact: v3```. The actions to
bump are the ones the log names (that message, or ``owner/name@vN`` in a
deprecation notice such as ``Node.js 12 actions are deprecated ...:
actions/checkout@v2``) and that the shipped table
(``autoheal/data/action_majors.json``) knows; with none named it declines (a
retired command such as ``set-env`` needs a person).

Scope: every workflow in ``.github/workflows`` and every local composite action
under ``.github/actions``, not only the failing workflow, because GitHub fails
every run that uses the deprecated version and a half-done bump leaves the
others broken. ``actions/upload-artifact`` and ``actions/download-artifact``
move together: v4 cannot read artifacts v3 wrote
(https://github.com/actions/upload-artifact#breaking-changes).

Only block-style ``uses:`` lines with a tag change, and only the tag, so
quotes and comments survive (``- {uses: ...}`` steps are skipped). A major tag
(``@v3``) becomes the current major; an exact tag (``@v3.1.3``, ``@v2.1``)
becomes a release of the current major at the same precision (``@v4.4.3``,
``@v4.1``), from ``autoheal/data/action_releases.json``, as Dependabot does.
SHA pins are left alone with a reason: the pin must move with its ``# vX.Y.Z``
comment, and the new commit SHA cannot be known offline.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping

from autoheal.fixers.base import FixContext, data_table, lines_of, log_text, read_text, safe_path, workflow_files
from autoheal.models import CATEGORIES as ALL_CATEGORIES
from autoheal.proposals import Change, FixDeclined, FixProposal

ID = "deprecated-actions"
# Any category: a run GitHub fails for a deprecated action is often triaged as something else.
CATEGORIES = frozenset(ALL_CATEGORIES)
DOC: str = __doc__ or ""

# Bounded and anchored at a token start: these run over attacker-written log lines.
_ACTION = r"(?<![\w.-])[A-Za-z0-9][\w.-]{0,99}/[\w.-]{1,100}(?:/[\w.-]{1,100}){0,4}"
_DEPRECATED = re.compile(rf"deprecated version of\W*({_ACTION}):\s*(v\d+)")
_MENTION = re.compile(rf"({_ACTION})@(v\d+)\b")
_USES = re.compile(rf"^(?P<pre>[ \t]*(?:-[ \t]+)?uses:[ \t]*)(?P<q>[\"']?)(?P<action>{_ACTION})@(?P<ref>[^\s\"'#]+)")
_MAJOR = re.compile(r"v(\d+)")
_SHA = re.compile(r"[0-9a-fA-F]{40}")
_EXACT = re.compile(r"v?(\d+)\.")
_EXACT_TAG = re.compile(r"v(\d+)\.(\d+)(\.\d+)?")
_ARTIFACTS = frozenset({"actions/upload-artifact", "actions/download-artifact"})


def fix(ctx: FixContext) -> FixProposal | FixDeclined:
    text = log_text(ctx.diagnosis)
    named = {repo_of(m.group(1)) for m in _DEPRECATED.finditer(text)}
    captured = re.match(_ACTION, ctx.diagnosis.captures.get("action", ""))
    if captured and ctx.diagnosis.category == "action.deprecated":
        named.add(repo_of(captured.group()))
    if not named and ctx.diagnosis.category != "action.deprecated":
        return FixDeclined(ID, "the log does not name a deprecated action version", applies=False)
    known = set(current_majors())
    if not named:
        named = {repo_of(m.group(1)) for m in _MENTION.finditer(text)} & known
    if not named:
        return FixDeclined(
            ID,
            "the log names no deprecated action (a retired runner command or image needs a manual change)",
            applies=False,
        )
    targets = _with_partners(named) & known
    if not targets:
        return FixDeclined(ID, f"autoheal does not know the current major of {', '.join(sorted(named))}")
    notes: list[str] = []
    bumped: set[str] = set()
    changes = [c for c in (_bump_file(ctx, p, targets, notes, bumped) for p in action_files(ctx)) if c]
    half_artifacts = {repo_of(b.split("@")[0]) for b in bumped} & _ARTIFACTS and any(
        "-artifact" in n and "commit SHA" in n for n in notes
    )
    if half_artifacts:  # v4 cannot read what v3 wrote: both move or neither
        changes = []
        notes.append("upload-artifact and download-artifact must move to v4 together")
    if not changes:
        reason = "; ".join(notes) or f"no uses: line of {', '.join(sorted(targets))} is behind its current major"
        return FixDeclined(ID, reason)
    explanation = "Bumps deprecated actions to their current major: " + ", ".join(sorted(bumped)) + "."
    if notes:
        explanation += " Left alone: " + "; ".join(notes) + "."
    return FixProposal(ID, tuple(changes), "ci: bump deprecated actions", explanation)


def _release(action: str, exact: re.Match[str]) -> str | None:
    """``v4.4.3`` for ``v3.1.3`` and ``v4.4`` for ``v2.1``: the known release at the ref's precision."""
    known = data_table("action_releases.json").get(repo_of(action))
    parts = str(known).split(".") if known else []
    precision = 1 + sum(1 for g in exact.groups()[1:] if g is not None)
    if len(parts) < precision or int(parts[0]) != current_majors()[repo_of(action)]:
        return None
    return "v" + ".".join(parts[:precision])


@functools.cache
def current_majors() -> Mapping[str, int]:
    return {key.lower(): int(value) for key, value in data_table("action_majors.json").items()}


def repo_of(action: str) -> str:
    """``github/codeql-action/init`` -> ``github/codeql-action`` (lower case, as GitHub compares)."""
    return "/".join(action.lower().split("/")[:2])


def _with_partners(targets: set[str]) -> set[str]:
    return targets | _ARTIFACTS if targets & _ARTIFACTS else targets


def action_files(ctx: FixContext) -> Iterator[str]:
    """Workflow files, then local composite actions (``.github/actions/**/action.yml``)."""
    yield from workflow_files(ctx.workspace)
    folder = safe_path(ctx.workspace, ".github/actions")
    if folder is None or not folder.is_dir():
        return
    for path in sorted(folder.rglob("action.y*ml")):
        rel = path.relative_to(ctx.workspace).as_posix()
        if path.name in ("action.yml", "action.yaml") and safe_path(ctx.workspace, rel):
            yield rel


def _bump_file(
    ctx: FixContext,
    path: str,
    targets: set[str],
    notes: list[str],
    bumped_actions: set[str],
) -> Change | None:
    text = read_text(ctx.workspace, path)
    if text is None:
        return None
    lines = lines_of(text)
    bumped: list[str] = []
    for number, line in enumerate(lines):
        match = _USES.match(line)
        if not match or repo_of(match.group("action")) not in targets:
            continue
        action, ref = match.group("action", "ref")
        new_ref = _new_ref(action, ref, f"{path}:{number + 1}", notes)
        if new_ref:
            lines[number] = line[: match.start("ref")] + new_ref + line[match.end("ref") :]
            bumped.append(f"{action}@{ref} -> {new_ref}")
            bumped_actions.add(f"{repo_of(action)}@{new_ref}")
    if not bumped:
        return None
    return Change(path, text, "".join(lines), "; ".join(dict.fromkeys(bumped)))


def _new_ref(action: str, ref: str, where: str, notes: list[str]) -> str | None:
    """The major tag to use instead of ``ref``, or None (with a note when it is pinned)."""
    latest = current_majors()[repo_of(action)]
    major = _MAJOR.fullmatch(ref)
    if major:
        return f"v{latest}" if int(major.group(1)) < latest else None
    if _SHA.fullmatch(ref):
        notes.append(
            f"{action} at {where} is pinned to a commit SHA; the SHA of a v{latest} release cannot be known "
            "offline: update the pin and its version comment (Dependabot does both)"
        )
    elif (exact := _EXACT_TAG.fullmatch(ref)) and int(exact.group(1)) < latest and _release(action, exact):
        return _release(action, exact)
    elif (exact := _EXACT.match(ref)) and int(exact.group(1)) < latest:
        notes.append(f"{action}@{ref} at {where} is an exact version; move it to a v{latest} release by hand")
    return None
