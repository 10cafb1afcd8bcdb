"""CI lines whose meaning depends on the log's CI: Jenkins Pipeline's step lines are chatter only in a
Jenkins log (or one whose CI is untold), a tool's own ``[Pipeline]`` tag elsewhere.

Synthetic logs written for these tests.
"""

from __future__ import annotations

from autoheal import blocks
from tests.helpers import ruleset, triage_text

RS = ruleset()
ERRORS = ['[Pipeline] ERROR: stage "deploy" needs "package"', '[Pipeline] ERROR: job "smoke" runs before "deploy"']


def test_a_pipeline_line_is_chatter_only_in_a_jenkins_like_log() -> None:
    line = ERRORS[0]
    assert blocks.chatter(line) and blocks.error_score(line) == 0  # untold CI: read as Jenkins' own
    with blocks.pipeline_chatter(False):
        assert not blocks.chatter(line) and blocks.error_score(line) >= 2
        assert not blocks.chatter("[Pipeline] sh")
    assert blocks.chatter("[Pipeline] sh") and blocks.error_score(line) == 0  # (the score is not remembered across)


def test_a_tools_pipeline_tagged_errors_are_its_block_in_a_github_actions_log() -> None:
    log = ["Current runner version: '2.316.1'", "##[group]Run python -m pipecheck ci.yml", "##[endgroup]"]
    log += ["[Loader] reading ci.yml", *ERRORS, "pipecheck: 2 errors", "##[error]Process completed with exit code 2."]
    shown = [e.line for e in triage_text(log, RS).excerpt]
    assert {5, 6} <= set(shown)


def test_jenkins_own_pipeline_lines_stay_out_of_a_jenkins_logs_block() -> None:
    log = ["Started by user admin", "[Pipeline] Start of Pipeline", "[Pipeline] node", "[Pipeline] {"]
    log += ["[Pipeline] stage", "[Pipeline] { (Check)", "[Pipeline] sh", "+ ./check.sh"]
    log += ["error: config/app.yml: key 'port' is not a number", "[Pipeline] }", "[Pipeline] // stage"]
    log += ["[Pipeline] End of Pipeline", "ERROR: script returned exit code 1", "Finished: FAILURE"]
    shown = {e.line: e.text for e in triage_text(log, RS).excerpt}
    assert 9 in shown and not any(t.startswith("[Pipeline]") for t in shown.values())
