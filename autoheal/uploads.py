"""Steps and commands that upload artifacts or caches: a failed one is noise when the job went on or had failed."""

from __future__ import annotations

import re

from autoheal import lazyre

# Steps and commands that upload artifacts or caches (their docs: actions/upload-artifact,
# actions/cache, aws s3, gsutil, Buildkite and CircleCI artifacts, Travis' cache, Codecov).
_UPLOAD = lazyre.compile(
    r"upload-artifact|actions/cache|\bcache (?:save|store|upload)|\baws s3 (?:cp|sync|mv)\b|\bgsutil(?: -m)? (?:cp|rsync)\b|"
    r"artifacts? upload|store_artifacts|save_cache|store build cache|codecov|coveralls|Archiving artifacts",
    re.IGNORECASE,
)


def is_upload(command: str) -> bool:
    return bool(_UPLOAD.search(command))
