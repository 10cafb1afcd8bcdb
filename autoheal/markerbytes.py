"""The bytes that may make a line a marker (markers.py decides): literals a marker holds, and line starts.

The literals join the scanner's literal prefilter and the line starts its pattern prefilter (hsdb.py,
prefilterre2.py), so the markers cost no pass of their own. Each marker regex needs one of them.
"""

from __future__ import annotations

MARKER_LITERALS = (
    rb"##\[group\]Run |##\[endgroup\]|##\[error\]|The command \"|Done\. Your build exited with |"
    rb"Process completed with exit code |: \*\*\* \[|marked build as |Finished: |\[Pipeline\] \{ \(|"
    rb"skipped due to earlier failure|script returned exit code |section_start:|Job failed|##\[section\]Starting: |"
    rb"Starting Command Output|Exited with code |The command exited with status |"
    # Jenkins' SCM checkout, post-build actions and a stage's post (``_JENKINS_SCM``, ``_JENKINS_POST``)
    rb"Cloning the remote Git repository|from the remote Git repository|Performing Post build task|"
    rb"Recording test results|Archiving artifacts|\[PostBuildScript\] |Sending e-mails to|\[Checks API\] |"
    rb"Notifying upstream projects|\[Text Finder\] |ERROR: Step |Post stage|Recording fingerprints|"
    rb"\[htmlpublisher\] Archiving|\[JaCoCo plugin\] |\[Cobertura\] Publishing|"
    # GitLab's after_script phase, by its first line (``cimarkers._GITLAB_PHASE``)
    rb"Running after script\.\.\.|"
    # A GitHub Actions runner step's first line; lines only one CI prints at a log's head (``_TELLS``)
    rb"Post job cleanup\.|Cleaning up orphan processes|Current runner version|Running with gitlab-runner |"
    rb"\[Pipeline\] Start of Pipeline|travis_fold:start:|"
    rb"#!/bin/bash -eo pipefail|CircleCI received exit code |##vso\[task\.logissue type=error|##vso\[task\.complete result=Failed"
)
# The byte-order mark as its bytes: RE2 reads these regexes as UTF-8, where the escape ``\xef`` is U+00EF.
_BOM = "\ufeff".encode()
MARKER_STARTS = (
    # A command line past a runner's stamp too: Azure Pipelines stamps every line as GitHub's runner does.
    rb"(?m:^)(?:(?:" + _BOM + rb")?(?:\d{4}-\d\d-\d\dT[\d:.]+Z )?(?:\$ |\+{1,3} \S|@@ -)|"
    rb"(?:\[[0-9T:.Z-]*\] |\d\d:\d\d:\d\d(?:\.\d+)? )?\[[^\]\n]*\] \$ |(?:---|~~~) \S)|"
    rb"travis_(?:fold|time):[^\n$]*\$ |\" (?:failed and )?exited with \d|"
    # A Text Finder's ``Checking <regex>`` only at a line's start, past a runner's or Timestamper's stamp
    # (``markers._TEXT_FINDER``): inside a line the words are any tool's (``npm WARN Checking ...``).
    rb"(?m:^)(?:" + _BOM + rb")?(?:\d{4}-\d\d-\d\dT[\d:.]+Z ?)?"
    rb"(?:(?:\[[0-9T:.Z-]*\]|\d\d:\d\d:\d\d(?:\.\d+)?) +)?Checking "
)
MARKER_BYTES = MARKER_LITERALS + b"|" + MARKER_STARTS
