"""``autoheal triage PATH...``: classify CI logs: files offline, or a run by its URL.

A PATH that is a run URL (``https://github.com/OWNER/REPO/actions/runs/ID[/job/JOB]``), or
``--run-id ID --repo R``, is downloaded with the token (AUTOHEAL_TOKEN, GITHUB_TOKEN or
``gh auth token``; GHES through GITHUB_API_URL or the URL's host) and each failed job is
triaged (``autoheal.runfetch``). Everything else stays offline.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from autoheal.errors import InputError, UsageError
from autoheal.flags import add_config_args
from autoheal.models import Diagnosis, Timing
from autoheal.sanitize import terminal_text

if TYPE_CHECKING:
    from autoheal.baseline import Baseline
    from autoheal.rules import RuleSet
    from autoheal.runfetch import RunRef

NAME = "triage"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        NAME,
        help="classify CI logs: files offline, or a run by its URL (with a token)",
        description="Find the lines that explain a failed CI log and name the failure.",
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a log file, a GitHub run-logs zip, a directory, - for stdin, or a run URL "
        "(https://github.com/OWNER/REPO/actions/runs/ID[/job/JOB])",
    )
    p.add_argument("--run-id", type=int, help="download and triage this run of --repo (needs a token)")
    p.add_argument("--repo", help="owner/name for --run-id (default: $GITHUB_REPOSITORY)")
    p.add_argument(
        "--baseline",
        metavar="PASSED",
        help="a passing log of the same job (any input triage takes): lines it also printed are noise; "
        "auto: with a run URL or --run-id, the last green run of the same workflow and job",
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text for people (default); json, one object per line; markdown, the issue as posted",
    )
    add_config_args(p)
    p.set_defaults(handler=run)


def format_text(d: dict[str, object], timing: Timing | None = None) -> str:
    """The JSON object for people: key lines marked ``>`` in the gutter, then where a timeout's time went."""
    out = [
        f"{d['path']}: {d['category']} (confidence {d['confidence']}, rule {d['rule']})",
        f"  summary:     {d['summary']}",
    ]
    if d.get("job") or d.get("step"):
        out.append(f"  job/step:    {d.get('job') or '-'} / {d.get('step') or '-'}")
    out.append(f"  fingerprint: {d['fingerprint']}{'  (transient: a re-run may pass)' if d['transient'] else ''}")
    excerpt = d["excerpt"]
    assert isinstance(excerpt, list)
    keys = d.get("key_lines") or []
    assert isinstance(keys, list)
    out.append("  excerpt:")
    out += [f"  {'>' if e['line'] in keys else ' '} {e['line']:>6} | {e['text']}" for e in excerpt]
    if timing is not None:
        out += _format_timing(timing)
    return "\n".join(terminal_text(line) for line in out)  # log text must not drive the terminal


def _format_timing(timing: Timing) -> list[str]:
    from autoheal.renderfilters import duration

    running = timing.running or "the log's first step"
    out = [f"  timing:      {running} ran {duration(timing.running_seconds)} until line {timing.limit_line}"]
    if timing.quiet_seconds >= 60:
        out[0] += f", silent for {duration(timing.quiet_seconds)} after line {timing.quiet_after}"
    for step in timing.steps:
        mark = ">" if step.line == timing.running_line else " "
        out.append(f"  {mark} {duration(step.seconds):>13}  {step.name or '(start of the log)'}")
    out.append("  last lines before it stopped:")
    out += [f"    {e.line:>6} | {e.text}" for e in timing.last_lines]
    return out


def _run_refs(args: argparse.Namespace) -> list[RunRef]:
    """The runs to download: run URLs among the paths, and ``--run-id``."""
    import os

    from autoheal.logsource import is_run_url

    if not any(is_run_url(p) for p in args.paths) and args.run_id is None:
        if not args.paths:
            raise UsageError("give a log PATH, a run URL, or --run-id ID --repo OWNER/NAME")
        return []
    # Only a run to download pays for the GitHub client's imports (PyGithub: ~100 ms).
    from autoheal import runfetch

    refs = [runfetch.parse_url(p) for p in args.paths if is_run_url(p)]
    if args.run_id is not None:
        repo = args.repo or os.environ.get("GITHUB_REPOSITORY")
        if not repo:
            raise UsageError("--run-id needs --repo OWNER/NAME (or $GITHUB_REPOSITORY)")
        refs.append(runfetch.RunRef(repo, args.run_id))
    return refs


def _given_baseline(args: argparse.Namespace) -> Baseline | None:
    """The ``--baseline PASSED`` file, read once for every input; None without one or with auto."""
    from autoheal.baseline import Baseline

    if not args.baseline or args.baseline == "auto":
        return None
    try:
        return Baseline.from_path(args.baseline)
    except InputError as exc:
        raise InputError(f"--baseline {args.baseline}: cannot read the passing log: {exc}") from None


def _diagnoses(args: argparse.Namespace, ruleset: RuleSet) -> Iterator[Diagnosis | InputError]:
    """Each input's diagnosis (a run: one per failed job), or the error that stopped it."""
    from autoheal.logsource import is_run_url, open_input
    from autoheal.timing import with_timing
    from autoheal.triage import triage_docs

    given = _given_baseline(args)
    offline = [p for p in args.paths if not is_run_url(p)]
    if offline and args.baseline == "auto":
        _warn("--baseline auto needs a run URL or --run-id: the files are triaged without a baseline")
    for spec in offline:
        try:
            docs = open_input(spec)
            yield with_timing(triage_docs(docs, ruleset, spec, given), docs)
        except InputError as exc:
            yield exc
    refs = _run_refs(args)
    if refs:
        from autoheal.usersettings import token_source  # a run to download needs a token; files do not

        yield from _run_diagnoses(args, ruleset, refs, given, token_source()[0])


def _run_diagnoses(
    args: argparse.Namespace, ruleset: RuleSet, refs: list[RunRef], given: Baseline | None, token: str
) -> Iterator[Diagnosis | InputError]:
    """Each failed job's diagnosis for runs downloaded by URL or ``--run-id``."""
    import os

    from autoheal import runfetch
    from autoheal.baselinerun import Finder
    from autoheal.timing import with_timing
    from autoheal.triage import triage_docs

    for ref in refs:
        try:
            client = runfetch.client_for(ref, token, os.environ)
            finder: Finder | None = None
            for got in runfetch.fetch(client, ref):
                baseline = given
                if args.baseline == "auto":
                    # One lookup per run, shared by its failed jobs: the same last green run.
                    finder = finder if finder is not None and finder.run is got.run else Finder(client, got.run)
                    baseline = finder.for_job(got.job.name)
                    for note in finder.notes:
                        (_info if note.startswith("baseline:") else _warn)(f"{got.label}: {note}")
                    finder.notes.clear()
                found = with_timing(triage_docs(got.docs, ruleset, got.label, baseline), got.docs, got.job.steps)
                yield replace(found, job=got.job.name)
        except InputError as exc:
            yield exc


def _warn(message: str) -> None:
    print(terminal_text(f"autoheal: warning: {message}"), file=sys.stderr, flush=True)


def _info(message: str) -> None:
    print(terminal_text(f"autoheal: {message}"), file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from autoheal import config as config_mod

    cfg = config_mod.load(args.config)
    failed = False
    for diagnosis in _diagnoses(args, cfg.ruleset):
        if isinstance(diagnosis, InputError):
            from autoheal.actions import print_error  # only on an error: actions imports secrets, pathlib

            print_error(str(diagnosis))
            failed = True
            continue
        if args.format == "json":
            print(json.dumps(diagnosis.to_json(), ensure_ascii=False))
        elif args.format == "markdown":
            from autoheal.render import render_markdown

            templates = args.templates or cfg.templates
            print(render_markdown(diagnosis, templates_dir=templates))
        else:
            print(format_text(diagnosis.to_json(), diagnosis.timing))
        sys.stdout.flush()
    return 2 if failed else 0
