"""Authored cases, batch y: tools no rule knows whose error block says in the OS's, a signal's, HTTP's
or a test framework's own words what happened (errno texts such as EROFS "Read-only file system" or
EDQUOT "Disk quota exceeded", a shell's report of a fatal signal, a fetch's HTTP status line, an
inactivity limit), so the category is the block's words, not the failing command's name; and two
counter-cases where a test runner's verdict names the failure and the cue is only one test's output.
Several CI shapes and ecosystems. Labelled before triage ran on them (first run: see README.md)."""

from __future__ import annotations

from benchmarks.authored.cases_a import case
from benchmarks.authored.noise import setup_node, setup_python
from benchmarks.authored.shapes import MARK, Step, gha, gitlab, jenkins, plain, travis

case(
    "y-erofs-cache-writer-gha",
    "permission",
    "high",
    gha(
        "acme/site-builder",
        "build",
        [
            setup_node("20"),
            Step(
                "./bin/sitegen build --out /opt/site",
                f"""sitegen 2.3.1
reading 212 pages from content/
rendering ... done (212 pages, 3.1s)
{MARK}sitegen: cannot write /opt/site/index.html: Read-only file system
{MARK}sitegen: build aborted""",
                code=1,
            ),
        ],
    ),
    "cannot write /opt/site/index.html: Read-only file system",
    "an in-house generator writing into a read-only mount (EROFS): the OS refused the write",
)

case(
    "y-edquot-artifact-pack-gitlab",
    "resource.exhausted",
    "high",
    gitlab(
        "acme/firmware",
        "registry.acme.dev/fw-builder:12",
        [
            Step("./tools/fetch-blobs --all", "fetched 14 blobs (1.2 GiB)"),
            Step(
                "./tools/pack-image --target board-b",
                f"""pack-image: collecting 1 412 files
pack-image: compressing rootfs.squashfs
{MARK}pack-image: write rootfs.squashfs: Disk quota exceeded
{MARK}pack-image: giving up after 1 error""",
                code=2,
            ),
        ],
    ),
    "write rootfs.squashfs: Disk quota exceeded",
    "EDQUOT from a packing tool: the job ran out of disk, whatever the tool is called",
)

case(
    "y-segfault-shell-report-travis",
    "crash",
    "high",
    travis(
        "acme/tinyvm",
        "c",
        [
            Step("./configure && make -j2", "checking for gcc... gcc\nCC vm.o\nCC gc.o\nLD tinyvm"),
            Step(
                "./tinyvm --selfcheck samples/",
                f"""selfcheck: 18 samples
sample 01-arith ... ok
sample 02-closures ... ok
{MARK}/home/travis/.travis/functions: line 109:  7431 Segmentation fault      (core dumped) ./tinyvm --selfcheck samples/""",
                code=139,
            ),
        ],
    ),
    "Segmentation fault      (core dumped) ./tinyvm --selfcheck samples/",
    "the shell's report of SIGSEGV under a self-check the tool table does not know",
)

case(
    "y-http-503-fetch-plain",
    "network",
    "medium",
    plain(
        """$ ./scripts/fetch-fixtures.sh
fetching fixtures manifest from https://fixtures.acme.dev/v3/manifest.json
--2026-01-14 10:02:11--  https://fixtures.acme.dev/v3/manifest.json
Resolving fixtures.acme.dev (fixtures.acme.dev)... 203.0.113.7
Connecting to fixtures.acme.dev (fixtures.acme.dev)|203.0.113.7|:443... connected.
HTTP request sent, awaiting response... 503 Service Unavailable
§2026-01-14 10:02:12 ERROR 503: Service Unavailable.
fetch-fixtures: download failed""".replace("§", MARK),
        name="fixtures",
    ),
    "ERROR 503: Service Unavailable.",
    "wget's status line of a 5xx from the remote, under a project script: transient network",
)

case(
    "y-inactivity-limit-jenkins",
    "timeout",
    "medium",
    jenkins(
        "acme/e2e",
        "nightly",
        [
            Step("npm ci", "added 812 packages in 21s"),
            Step(
                "./e2e/run-browsers.sh",
                f"""launching 3 remote browsers
Firefox 128 connected
Safari 17 connected
Firefox 128: 212 specs passed
{MARK}Safari 17 ERROR
{MARK}  Disconnected, no output received for 60 seconds
{MARK}Safari 17: executed 0 of 212 DISCONNECTED""",
                code=1,
            ),
        ],
    ),
    "Disconnected, no output received for 60 seconds",
    "a remote browser that went silent: an inactivity limit, under a script the table cannot name",
)

case(
    "y-pytest-kill-status-gha",
    "resource.exhausted",
    "high",
    gha(
        "acme/imagekit",
        "test",
        [
            setup_python("3.12"),
            Step(
                "python -m pytest -q tests/",
                f"""........................................................................ [ 38%]
........................................
{MARK}/home/runner/work/_temp/3f1c.sh: line 1:  2231 Killed                  python -m pytest -q tests/""",
                code=137,
            ),
        ],
    ),
    "2231 Killed                  python -m pytest -q tests/",
    "the shell says SIGKILL stopped the test runner before any verdict: the runner's name does not decide",
)

case(
    "y-test-output-refused-counter-gha",
    "test.failure",
    "high",
    gha(
        "acme/queue-client",
        "test",
        [
            setup_python("3.11"),
            Step(
                "python -m pytest tests/",
                f"""============================= test session starts ==============================
collected 14 items

tests/test_client.py ......F.......                                      [100%]

=================================== FAILURES ===================================
{MARK}_____________________________ test_reconnect_backoff _____________________________
{MARK}
{MARK}    def test_reconnect_backoff():
{MARK}        delays = client.backoff_schedule(retries=3)
{MARK}>       assert delays == [0.1, 0.2, 0.4]
{MARK}E       assert [0.1, 0.2, 0.8] == [0.1, 0.2, 0.4]
{MARK}
{MARK}tests/test_client.py:41: AssertionError
{MARK}----------------------------- Captured log call ------------------------------
{MARK}WARNING  client:client.py:88 connect failed: [Errno 111] Connection refused; retrying
{MARK}=========================== short test summary info ============================
{MARK}FAILED tests/test_client.py::test_reconnect_backoff - assert [0.1, 0.2, 0.8] == [0.1, 0.2, 0.4]
{MARK}========================= 1 failed, 13 passed in 0.42s =========================""",
                code=1,
            ),
        ],
    ),
    "assert [0.1, 0.2, 0.8] == [0.1, 0.2, 0.4]",
    "a refused connection only in one failing test's captured log: the runner's verdict decides",
)

case(
    "y-gitpush-403-travis",
    "permission",
    "high",
    travis(
        "acme/handbook",
        "ruby",
        [
            Step("bundle exec middleman build", "== Building 41 pages\n== Build complete"),
            Step(
                "./deploy/publish.sh",
                f"""publishing build/ to gh-pages
[gh-pages 4e1a2b3] publish
 41 files changed, 1880 insertions(+)
{MARK}remote: Write access to repository not granted.
{MARK}fatal: unable to access 'https://github.com/acme/handbook.git/': The requested URL returned error: 403""",
                code=128,
            ),
        ],
    ),
    "The requested URL returned error: 403",
    "a push refused with HTTP 403 under a deploy script: the remote denied it",
)
