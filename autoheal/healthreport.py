"""Health as markdown (with a Mermaid chart and sparklines), as an SVG file, and as one pinned issue.

GitHub strips ``<svg>`` and raw SVG from issue and step-summary markdown but renders Mermaid
code blocks (https://docs.github.com/get-started/writing-on-github/working-with-advanced-formatting/creating-diagrams),
so the issue carries a Mermaid ``xychart-beta`` of the failure rate per workflow, and each table
row a text sparkline as a fallback. ``--svg`` draws the same series with pygal (an optional
dependency: pure Python, writes SVG without a display) for pages and artifacts.

The health issue is found by its marker, never by title, so it is updated in place and never
duplicated; it is pinned through GraphQL ``pinIssue`` when the repository has room (GitHub pins
at most three issues; REST cannot pin).
"""

from __future__ import annotations

import re
from pathlib import Path

from autoheal.errors import GitHubError, UsageError
from autoheal.ghtypes import Issue
from autoheal.github_api import Client
from autoheal.health import BUCKETS, Health
from autoheal.sanitize import code_span, inline_text, truncate_body

MARKER = "<!-- autoheal:health -->"
LABEL = "autoheal-health"
TITLE = "autoheal health"
MAX_PINNED = 3
PIPE = "\\|"  # a pipe inside a table cell, code spans included (GitHub Flavored Markdown)
_SPARKS = "▁▂▃▄▅▆▇█"
_PINNED = (
    "query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) "
    "{ pinnedIssues(first: 3) { totalCount nodes { issue { number } } } } }"
)
_PIN = "mutation($id: ID!) { pinIssue(input: {issueId: $id}) { issue { number } } }"


def sparkline(series: tuple[float | None, ...]) -> str:
    return "".join("·" if v is None else _SPARKS[min(len(_SPARKS) - 1, int(v * len(_SPARKS)))] for v in series)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _trend(now: float, before: float | None) -> str:
    if before is None:
        return "new"
    delta = now - before
    return "→" if abs(delta) < 0.02 else (f"↑ +{delta:.0%}" if delta > 0 else f"↓ {delta:.0%}")


def _cell(text: str, limit: int = 80) -> str:
    return inline_text(text, limit).replace("|", PIPE)


def _mermaid_name(text: str) -> str:
    return re.sub(r"[^\w .()/+-]", "", text)[:40] or "workflow"


def mermaid(health: Health) -> list[str]:
    shown = health.workflows[:6]
    if not shown:
        return []
    step = health.days / BUCKETS
    labels = ", ".join(f'"-{health.days - round(step * i)}d"' for i in range(BUCKETS))
    lines = ["```mermaid", "xychart-beta", '    title "Failure rate per period (%)"', f"    x-axis [{labels}]"]
    lines.append('    y-axis "failure %" 0 --> 100')
    for w in shown:
        points = ", ".join("0" if v is None else str(round(v * 100)) for v in w.series)
        lines.append(f"    line [{points}]")
    lines.append("```")
    order = ", ".join(f"{i + 1}. {_mermaid_name(w.name)}" for i, w in enumerate(shown))
    return lines + ["", f"_Lines, in order: {order}._"]


def markdown(health: Health) -> str:
    out = [
        f"## autoheal health: {health.repo}, last {health.days} days",
        "",
        f"{health.since:%Y-%m-%d} to {health.until:%Y-%m-%d}. Re-runs: {health.reruns}, "
        f"{health.reruns_passed} passed. Time to recovery (first failure to green again or closed): median "
        f"{'—' if health.median_recovery_hours is None else f'{health.median_recovery_hours:g} h'} "
        f"over {len(health.recovery_hours)}; {health.passing_again} open issue(s) passing again.",
        "",
        "| workflow | runs | failure rate | trend | per period |",
        "|---|---:|---:|---|---|",
    ]
    for w in health.workflows:
        trend = _trend(w.rate, w.previous_rate)
        out.append(f"| {_cell(w.name)} | {w.runs} | {_pct(w.rate)} | {trend} | `{sparkline(w.series)}` |")
    if not health.workflows:
        out.append("| _no completed runs_ | 0 | — | — | |")
    out += ["", *mermaid(health), "", "### Top failures", ""]
    if health.failures:
        out += ["| issue | category | occurrences | flaky | state |", "|---|---|---:|---:|---|"]
        for f in health.failures:
            out.append(
                f"| #{f.number} {_cell(f.title, 60)} | `{f.category}` | {f.occurrences} | {f.flaky} | {f.state} |"
            )
    else:
        out.append("No autoheal issue saw a failure in this window.")
    out += ["", "### Fix PRs", "", "| fixer or rule | opened | merged | closed unmerged | last 10 merged |"]
    out.append("|---|---:|---:|---:|---:|")
    for kind, table in (("fixer", health.by_fixer), ("rule", health.by_rule)):
        for name, t in sorted(table.items()):
            recent = health.rule_success.get(name) if kind == "rule" else None
            last = f"{recent[0]}/{recent[1]}" if recent and recent[1] else "—"
            named = code_span(name, 60).replace("|", PIPE)
            out.append(f"| {kind} {named} | {t.opened} | {t.merged} | {t.closed} | {last} |")
    if not health.by_fixer:
        out.append("| _none opened in this window_ | 0 | 0 | 0 | — |")
    out += ["", f"_API calls: {health.api_calls}._"]
    return truncate_body("\n".join(out) + "\n", 60_000)


def write_svg(health: Health, path: Path) -> None:
    try:
        import pygal  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        raise UsageError("--svg needs pygal: pip install 'autoheal[charts]'") from None
    chart = pygal.Line(title=f"Failure rate, last {health.days} days (%)", range=(0, 100), show_dots=False)
    step = health.days / BUCKETS
    chart.x_labels = [f"-{health.days - round(step * i)}d" for i in range(BUCKETS)]
    for w in health.workflows[:10]:
        chart.add(w.name[:40], [None if v is None else round(v * 100) for v in w.series])
    path.write_bytes(chart.render())


def _find(client: Client) -> Issue | None:
    found = [i for i in client.list_issues(LABEL, state="all", limit=100) if MARKER in i.body and not i.is_pull_request]
    found.sort(key=lambda i: (i.state != "open", i.number))
    return found[0] if found else None


def publish(client: Client, body: str, dry_run: bool) -> tuple[int | None, str]:
    """Create or update the one health issue; (its number, what happened: to the pin, or in a dry
    run what would have happened, for the command to show)."""
    text = f"{body.rstrip()}\n\n{MARKER}\n"
    issue = _find(client)
    if dry_run:
        return (
            issue.number if issue else None
        ), f"would {f'update #{issue.number}' if issue else 'create'} the health issue"
    if issue is None:
        issue = client.create_issue(TITLE, text, [LABEL])
    else:
        issue = client.update_issue(issue.number, body=text, state="open")
    return issue.number, _pin(client, issue)


def _pin(client: Client, issue: Issue) -> str:
    owner, name = client.repo.split("/", 1)
    try:
        pinned = client.graphql(_PINNED, {"owner": owner, "name": name})["repository"]["pinnedIssues"]
        numbers = [n["issue"]["number"] for n in pinned.get("nodes") or [] if isinstance(n, dict)]
        if issue.number in numbers:
            return "pinned"
        if int(pinned.get("totalCount") or 0) >= MAX_PINNED:
            return f"not pinned: the repository already pins {MAX_PINNED} issues"
        client.graphql(_PIN, {"id": issue.node_id})
    except (GitHubError, KeyError, TypeError) as exc:
        return f"not pinned: {exc}"
    return "pinned"
