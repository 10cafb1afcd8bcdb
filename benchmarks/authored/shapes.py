"""CI log shapes and setup noise for the authored corpus (see make_corpus.py).

A case's failing output is a text whose labelled lines start with ``§`` (one
contiguous run): the shape wraps it in a CI job (GitHub Actions, Travis,
Jenkins, GitLab, a plain console) with the setup before and the post steps
after, and reports the labelled span's line numbers in the finished log.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

MARK = "§"


@dataclass
class Step:
    """One step (GitHub Actions), command (Travis/GitLab) or stage (Jenkins) and what it printed."""

    cmd: str
    out: str = ""
    code: int = 0  # non-zero: the step failed with this exit code
    name: str = ""
    uses: str = ""  # a GitHub Action: `uses:` instead of a `run:` script
    with_: dict[str, str] = field(default_factory=dict)
    error: str = ""  # an action's own ##[error] line instead of "Process completed with exit code N."
    headed: bool = False  # Travis/GitLab: the ``$ cmd`` line is labelled too, the head of the labelled output below it


def _lines(text: str) -> list[str]:
    text = text.strip("\n")
    return text.split("\n") if text else []


class Log:
    """Lines of one log being written, with the labelled span found by the ``§`` marks."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.span: list[int] = []

    def add(self, text: str) -> None:
        for line in _lines(text) if "\n" in text else [text]:
            if line.startswith(MARK):
                line = line[len(MARK) :]
                self.span.append(len(self.lines) + 1)
            self.lines.append(line)

    def failure_lines(self) -> list[int] | None:
        if not self.span:
            return None
        first, last = min(self.span), max(self.span)
        assert self.span == list(range(first, last + 1)), f"labelled lines not contiguous: {self.span}"
        return [first, last]


# ---------------------------------------------------------------- GitHub Actions


def _stamp(start: datetime, i: int) -> str:
    return (start + timedelta(milliseconds=337 * i)).strftime("%Y-%m-%dT%H:%M:%S.%f0Z")


GHA_PREAMBLE = """Current runner version: '2.316.1'
##[group]Operating System
Ubuntu
22.04.4
LTS
##[endgroup]
##[group]Runner Image
Image: ubuntu-22.04
Version: 20240422.1.0
Included Software: https://github.com/actions/runner-images/blob/ubuntu22/20240422.1/images/ubuntu/Ubuntu2204-Readme.md
Image Release: https://github.com/actions/runner-images/releases/tag/ubuntu22%2F20240422.1
##[endgroup]
##[group]Runner Image Provisioner
2.0.370.1
##[endgroup]
##[group]GITHUB_TOKEN Permissions
Contents: read
Metadata: read
Packages: read
##[endgroup]
Secret source: Actions
Prepare workflow directory
Prepare all required actions
Getting action download info
Download action repository 'actions/checkout@v4' (SHA:0ad4b8fadaa221de15dcec353f45205ec38ea70b)
{downloads}Complete job name: {job}"""

CHECKOUT = """Syncing repository: {repo}
##[group]Getting Git version info
Working directory is '/home/runner/work/{name}/{name}'
[command]/usr/bin/git version
git version 2.44.0
##[endgroup]
Temporarily overriding HOME='/home/runner/work/_temp/0f2c1d1e' before making global git config changes
Adding repository directory to the temporary git global config as a safe directory
[command]/usr/bin/git config --global --add safe.directory /home/runner/work/{name}/{name}
Deleting the contents of '/home/runner/work/{name}/{name}'
##[group]Initializing the repository
[command]/usr/bin/git init /home/runner/work/{name}/{name}
hint: Using 'master' as the name for the initial branch. This default branch name
hint: is subject to change. To configure the initial branch name to use in all
Initialized empty Git repository in /home/runner/work/{name}/{name}/.git/
[command]/usr/bin/git remote add origin https://github.com/{repo}
##[endgroup]
##[group]Fetching the repository
[command]/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules --depth=1 origin +3f9a1c2e7b0d4e5f6a7b8c9d0e1f2a3b4c5d6e7f:refs/remotes/pull/{pr}/merge
remote: Enumerating objects: 412, done.
remote: Counting objects: 100% (412/412), done.
remote: Compressing objects: 100% (351/351), done.
remote: Total 412 (delta 61), reused 210 (delta 33), pack-reused 0
Receiving objects: 100% (412/412), 1.02 MiB | 9.87 MiB/s, done.
Resolving deltas: 100% (61/61), done.
From https://github.com/{repo}
 * [new ref]         3f9a1c2e7b0d4e5f6a7b8c9d0e1f2a3b4c5d6e7f -> pull/{pr}/merge
##[endgroup]
##[group]Checking out the ref
[command]/usr/bin/git checkout --progress --force refs/remotes/pull/{pr}/merge
HEAD is now at 3f9a1c2 Merge 8d2e0b1 into 5a4c3b2
##[endgroup]
[command]/usr/bin/git log -1 --format='%H'
'3f9a1c2e7b0d4e5f6a7b8c9d0e1f2a3b4c5d6e7f'"""

GHA_POST_CHECKOUT = """Post job cleanup.
[command]/usr/bin/git version
git version 2.44.0
Temporarily overriding HOME='/home/runner/work/_temp/9b1e2f3a' before making global git config changes
Adding repository directory to the temporary git global config as a safe directory
[command]/usr/bin/git config --global --add safe.directory /home/runner/work/{name}/{name}
[command]/usr/bin/git config --local --name-only --get-regexp core\\.sshCommand
[command]/usr/bin/git submodule foreach --recursive sh -c "git config --local --name-only --get-regexp 'core\\.sshCommand' && git config --local --unset-all 'core.sshCommand' || :"
[command]/usr/bin/git config --local --name-only --get-regexp http\\.https\\:\\/\\/github\\.com\\/\\.extraheader
http.https://github.com/.extraheader
[command]/usr/bin/git config --local --unset-all http.https://github.com/.extraheader"""

GHA_END = """Cleaning up orphan processes"""


def gha(repo: str, job: str, steps: list[Step], actions: tuple[str, ...] = (), timestamps: bool = True) -> Log:
    """A GitHub Actions job log: preamble, checkout, the steps (the failing one last or cancelled), post steps."""
    name = repo.split("/")[1]
    raw = Log()
    downloads = "".join(
        f"Download action repository '{a}' (SHA:{zlib.crc32(a.encode()):08x}0c1d2e3faa01)\n" for a in actions
    )
    raw.add(GHA_PREAMBLE.format(downloads=downloads, job=job))
    raw.add("##[group]Run actions/checkout@v4")
    raw.add(
        f"with:\n  repository: {repo}\n  token: ***\n  ssh-strict: true\n  persist-credentials: true\n"
        "  clean: true\n  fetch-depth: 1\n  fetch-tags: false\n  lfs: false\n  submodules: false"
    )
    raw.add("##[endgroup]")
    raw.add(CHECKOUT.format(repo=repo, name=name, pr=zlib.crc32(repo.encode()) % 900 + 100))
    for step in steps:
        if step.uses:
            raw.add(f"##[group]Run {step.uses}")
            raw.add("with:")
            for k, v in step.with_.items():
                raw.add(f"  {k}: {v}")
            raw.add("##[endgroup]")
        else:
            script = _lines(step.cmd)
            raw.add(f"##[group]Run {script[0]}")
            for more in script[1:]:
                raw.add(more)
            raw.add("shell: /usr/bin/bash -e {0}")
            raw.add(
                "env:\n  pythonLocation: /opt/hostedtoolcache/Python/3.11.9/x64\n  FORCE_COLOR: 1"
                if "py" in job.lower()
                else "env:\n  CI: true"
            )
            raw.add("##[endgroup]")
        if step.out:
            raw.add(step.out)
        if step.code:
            raw.add(step.error or f"##[error]Process completed with exit code {step.code}.")
            break
    raw.add(GHA_POST_CHECKOUT.format(name=name))
    raw.add(GHA_END)
    if not timestamps:
        return raw
    start = datetime(2024, 5, 2, 14, 3, 11, 120000)
    out = Log()
    out.lines = [f"{_stamp(start, i)} {t}" for i, t in enumerate(raw.lines)]
    out.span = raw.span
    return out


# ---------------------------------------------------------------- Travis CI

TRAVIS_PREAMBLE = """travis_fold:start:worker_info
Worker information
hostname: 4f1d2a3e-9b8c-4d7e-a6f5-0e1d2c3b4a59
version: v6.2.22 https://github.com/travis-ci/worker/tree/6c5e7b1f
instance: travis-job-1a2b3c4d-5e6f-7a8b-9c0d-ef1234567890 travis-ci-sardonyx-xenial-1593004276-4d46c6b3 (via amqp)
startup: 6.398164423s
travis_fold:end:worker_info
travis_time:start:0c9b7e2a
travis_time:end:0c9b7e2a:start=1589456781,finish=1589456782,duration=0.94,event=no_world_writable_dirs
travis_fold:start:system_info
Build system information
Build language: {lang}
Build dist: xenial
Build id: 690211934
Job id: 690211935
Runtime kernel version: 4.15.0-1077-gcp
travis-build version: 5c4f3e2d
Build image provisioning date and time
Thu Feb  5 15:09:33 UTC 2020
Operating System Details
Distributor ID:	Ubuntu
Description:	Ubuntu 16.04.6 LTS
Release:	16.04
Codename:	xenial
Systemd Version
systemd 229
Cookbooks Version
4f4d0f1 https://github.com/travis-ci/travis-cookbooks/tree/4f4d0f1
git version 2.25.0
docker version 18.06.0-ce
travis_fold:end:system_info

travis_time:start:1f2e3d4c
$ git clone --depth=50 --branch=master https://github.com/{repo}.git {repo}
Cloning into '{repo}'...
remote: Enumerating objects: 1024, done.
remote: Counting objects: 100% (1024/1024), done.
remote: Compressing objects: 100% (600/600), done.
remote: Total 1024 (delta 402), reused 880 (delta 350), pack-reused 0
Receiving objects: 100% (1024/1024), 2.11 MiB | 12.40 MiB/s, done.
Resolving deltas: 100% (402/402), done.
travis_time:end:1f2e3d4c:start=1589456782,finish=1589456784,duration=1.71,event=checkout
$ cd {repo}
$ git checkout -qf 9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b
"""

TRAVIS_CACHE = """travis_fold:start:cache.2
store build cache
$ bash -c 'cd /home/travis/build/{repo} && travis_cache_store'
changes detected (content changed, file is created, or file is deleted):
{cache}
...
changes detected, packing new archive
uploading master/cache-linux-xenial-e3b0c442.tgz
cache uploaded
travis_fold:end:cache.2
"""


def travis(repo: str, lang: str, steps: list[Step], cache: str = "/home/travis/.cache/pip") -> Log:
    """A Travis CI job log: worker/system info, clone, ``$ cmd`` commands, the failing one's exit line, cache, done."""
    log = Log()
    log.add(TRAVIS_PREAMBLE.format(lang=lang, repo=repo))
    code = 0
    for i, step in enumerate(steps):
        fold = step.name or ""
        if fold:
            log.add(f"travis_fold:start:{fold}")
        log.add(f"travis_time:start:{i:02x}a1b2c3")
        log.add(f"{MARK if step.headed else ''}$ {step.cmd}")
        if step.out:
            log.add(step.out)
        log.add(f"travis_time:end:{i:02x}a1b2c3:start=15894567{90 + i},finish=15894568{10 + i},duration=2{i}.41")
        if fold:
            log.add(f"travis_fold:end:{fold}")
        if step.code:
            log.add(f'The command "{step.cmd}" exited with {step.code}.')
            code = step.code
            if not fold.startswith("script") and fold:  # install/before_install failures end the build
                break
        log.add("")
    log.add(TRAVIS_CACHE.format(repo=repo, cache=cache))
    log.add("")
    log.add(f"Done. Your build exited with {1 if code else 0}.")
    return log


# ---------------------------------------------------------------- Jenkins

JENKINS_PREAMBLE = """Started by GitHub push by octo-dev
Obtained Jenkinsfile from git https://github.com/{repo}.git
[Pipeline] Start of Pipeline
[Pipeline] node
Running on build-agent-07 in /var/lib/jenkins/workspace/{job}
[Pipeline] {{
[Pipeline] stage
[Pipeline] {{ (Declarative: Checkout SCM)
[Pipeline] checkout
Selected Git installation does not exist. Using Default
The recommended git tool is: NONE
using credential github-app
Cloning the remote Git repository
Cloning repository https://github.com/{repo}.git
 > git init /var/lib/jenkins/workspace/{job} # timeout=10
Fetching upstream changes from https://github.com/{repo}.git
 > git --version # timeout=10
 > git --version # 'git version 2.39.2'
 > git fetch --tags --force --progress -- https://github.com/{repo}.git +refs/heads/*:refs/remotes/origin/* # timeout=10
 > git config remote.origin.url https://github.com/{repo}.git # timeout=10
Avoid second fetch
Checking out Revision 2b7c1d9e4f6a8b0c3d5e7f9a1b2c4d6e8f0a1b3c (refs/remotes/origin/main)
 > git config core.sparsecheckout # timeout=10
 > git checkout -f 2b7c1d9e4f6a8b0c3d5e7f9a1b2c4d6e8f0a1b3c # timeout=10
Commit message: "Bump version"
[Pipeline] }}
[Pipeline] // stage
[Pipeline] withEnv
[Pipeline] {{"""


def jenkins(repo: str, job: str, steps: list[Step]) -> Log:
    """A Jenkins pipeline console log: stages with ``[Pipeline] sh`` and ``+ cmd`` traces, then FAILURE."""
    log = Log()
    log.add(JENKINS_PREAMBLE.format(repo=repo, job=job))
    failed = None
    for step in steps:
        log.add("[Pipeline] stage")
        log.add(f"[Pipeline] {{ ({step.name or step.cmd.split()[0]})")
        if failed is not None:
            log.add(f'Stage "{step.name}" skipped due to earlier failure(s)')
            log.add("[Pipeline] }")
            log.add("[Pipeline] // stage")
            continue
        log.add("[Pipeline] sh")
        for cmd in _lines(step.cmd):
            log.add(f"+ {cmd}")
        if step.out:
            log.add(step.out)
        log.add("[Pipeline] }")
        log.add("[Pipeline] // stage")
        if step.code:
            failed = step
    log.add("[Pipeline] }")
    log.add("[Pipeline] // withEnv")
    log.add("[Pipeline] stage")
    log.add("[Pipeline] { (Declarative: Post Actions)")
    log.add("[Pipeline] junit")
    log.add("Recording test results")
    log.add("[Checks API] No suitable checks publisher found.")
    log.add("[Pipeline] cleanWs")
    log.add("[WS-CLEANUP] Deleting project workspace...")
    log.add("[WS-CLEANUP] done")
    log.add("[Pipeline] }")
    log.add("[Pipeline] // stage")
    log.add("[Pipeline] }")
    log.add("[Pipeline] // node")
    log.add("[Pipeline] End of Pipeline")
    if failed is not None:
        log.add(failed.error or f"ERROR: script returned exit code {failed.code}")
        log.add("Finished: FAILURE")
    return log


# ---------------------------------------------------------------- GitLab CI

GITLAB_PREAMBLE = """Running with gitlab-runner 16.9.1 (782c6ecb)
  on green-3.saas-linux-small-amd64.runners-manager.gitlab.com/default JLgUopmM, system ID: s_deaa2ca09de7
Preparing the "docker+machine" executor
Using Docker executor with image {image} ...
Pulling docker image {image} ...
Using docker image sha256:1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e for {image} with digest {image}@sha256:0a1b2c3d4e5f ...
Preparing environment
Running on runner-jlguopmm-project-41234567-concurrent-0 via runner-jlguopmm-s-l-s-amd64-1714651234-5e6f7a8b...
Getting source from Git repository
Fetching changes with git depth set to 20...
Initialized empty Git repository in /builds/{repo}/.git/
Created fresh repository.
Checking out 5e4d3c2b as detached HEAD (ref is main)...
Skipping Git submodules setup
Restoring cache
Checking cache for default-protected...
Downloading cache from https://storage.googleapis.com/gitlab-com-runners-cache/project/41234567/default-protected
Successfully extracted cache
Executing "step_script" stage of the job script
Using docker image sha256:1f2e3d4c5b6a for {image} with digest {image}@sha256:0a1b2c3d4e5f ..."""


def gitlab(repo: str, image: str, steps: list[Step], end: str = "") -> Log:
    log = Log()
    log.add(GITLAB_PREAMBLE.format(repo=repo, image=image))
    code = 0
    for step in steps:
        log.add(f"{MARK if step.headed else ''}$ {step.cmd}")
        if step.out:
            log.add(step.out)
        if step.code:
            code = step.code
            break
    log.add("Saving cache for failed job")
    log.add("Creating cache default-protected...")
    log.add("WARNING: .cache/: no matching files. Ensure that the artifact path is relative to the working directory")
    log.add("Archive is up to date!")
    log.add("Created cache")
    log.add("Cleaning up project directory and file based variables")
    log.add(end or f"ERROR: Job failed: exit code {code}")
    return log


AGENT_PREAMBLE = """~~~ Running agent environment hook
~~~ Preparing working directory
# Creating "/var/lib/buildkite-agent/builds/agent-3/acme/{name}"
$ cd /var/lib/buildkite-agent/builds/agent-3/acme/{name}
$ git clone -v -- https://github.com/acme/{name}.git .
Cloning into '.'...
POST git-upload-pack (175 bytes)
remote: Enumerating objects: 2311, done.
remote: Total 2311 (delta 0), reused 0 (delta 0), pack-reused 2311
Receiving objects: 100% (2311/2311), 1.41 MiB | 8.12 MiB/s, done.
Resolving deltas: 100% (1402/1402), done.
$ git clean -ffxdq
$ git fetch -v --prune -- origin main
From https://github.com/acme/{name}
 * branch            main       -> FETCH_HEAD
$ git checkout -f 7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d
HEAD is now at 7c1d2e3 Merge pull request from acme/feature
# Cleaning up untracked files
~~~ Running commands
"""


def plain(text: str, name: str = "app") -> Log:
    """A console log without CI markers (a Buildkite/CircleCI raw step, a local script, make)."""
    log = Log()
    log.add(AGENT_PREAMBLE.format(name=name))
    log.add(text)
    log.add("🚨 Error: The command exited with status 1" if "Exited with code" not in text else "")
    return log


# ---------------------------------------------------------------- Azure Pipelines

AZURE_PREAMBLE = """##[section]Starting: {job}
==============================================================================
Task         : Get sources
Description  : Get sources from a repository. Supports Git, TfsVC, and SVN repositories.
Version      : 1.0.0
Author       : Microsoft
Help         : [More Information](https://go.microsoft.com/fwlink/?LinkId=798199)
==============================================================================
Syncing repository: {repo} (GitHub)
git version
git version 2.44.0
git init "D:\\a\\1\\s"
Initialized empty Git repository in D:/a/1/s/.git/
git remote add origin https://github.com/{repo}
git fetch --force --tags --prune --prune-tags --progress --no-recurse-submodules origin --depth=1
remote: Enumerating objects: 640, done.
Receiving objects: 100% (640/640), 1.92 MiB | 14.2 MiB/s, done.
git checkout --progress --force refs/remotes/origin/main
HEAD is now at 1a2b3c4 Update README
##[section]Finishing: Checkout {repo}@main to s"""


def azure(repo: str, job: str, steps: list[Step]) -> Log:
    """An Azure Pipelines job log: tasks with ##[section]Starting/Finishing, a failing script's ##[error]."""
    log = Log()
    log.add(AZURE_PREAMBLE.format(repo=repo, job=job))
    for step in steps:
        name = step.name or step.cmd.split("\n")[0]
        log.add(f"##[section]Starting: {name}")
        log.add("==============================================================================")
        log.add(
            "Task         : Command line\nDescription  : Run a command line script using Bash on Linux and macOS and cmd.exe on Windows\nVersion      : 2.231.1"
        )
        log.add("==============================================================================")
        log.add("Generating script.")
        log.add("========================== Starting Command Output ===========================")
        log.add('"C:\\Windows\\system32\\cmd.exe" /D /E:ON /V:OFF /S /C "CALL "D:\\a\\_temp\\5e6f7a8b.cmd""')
        if step.out:
            log.add(step.out)
        if step.code:
            log.add(step.error or f"##[error]Cmd.exe exited with code '{step.code}'.")
            log.add(f"##[section]Finishing: {name}")
            break
        log.add(f"##[section]Finishing: {name}")
    log.add(f"##[section]Starting: Checkout {repo}@main to s")
    log.add(f"Cleaning any cached credential from repository: {repo} (GitHub)")
    log.add(f"##[section]Finishing: Checkout {repo}@main to s")
    log.add(f"##[section]Finishing: {job}")
    return log
