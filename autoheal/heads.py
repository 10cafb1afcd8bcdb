"""The first line of a failure block, as patterns (blocks.header, blocks.titled): a report's banner
(``=== FAILURES ===``, ``Results:``), a failing case (``--- FAIL:``, ``1) x``), a trace's opening, a diff's
file header, a compiler's title over one problem. Shapes shared by many tools' reports, no tool's name.
"""

from __future__ import annotations

from autoheal import asciitwin, linear

_E = linear.WORD_END

# Elm's and Roc's report of one problem, titled at the left and ruled to its file's name: ``-- TYPE MISMATCH
# ------- src/Board.elm`` (Elm may print it on the line of its ``Compiling ...`` progress), ``── NAMING ERROR ──── x.roc``.
_TITLED = r"(?:Compiling \.*)?(?:--|──) [A-Z][A-Z ]+[A-Z] (?:-{3,}|─{3,})"
TITLED_LINE = asciitwin.lazy("^" + _TITLED)
HEADER = asciitwin.lazy(
    r"^\s*(?:={3,}(?:.*[^\pL\pN_])?(?:FAILURES|ERRORS|short test summary|Failures|Errors)" + _E + "|"
    r"(?:\[(?:INFO|ERROR)\]\s*)?(?:Failures|Errors|Results|Failed tests|Tests in error|Failing tests|Summary of failures)\s*(?:\(\d+\))?\s*:\s*$|"
    r"\[ERROR\] (?:.*[^\pL\pN_])?There (?:are|is|were|was) \d+ errors?|\[ERROR\] (?:Failures|Errors|Tests run):|"
    r"There (?:was|were) \d+ (?:failures?|errors?):\s*$|"
    r"_{3,} .+ _{3,}$|--- FAIL:|FAIL" + _E + r"|\d+\) \S|[✗✘×✕✖❌] |\d+ failing$|Failures?:$|ERROR in |"
    # Rust's libtest (cargo test, rustc's compiletest): ``failures:`` heads the report, and each failing
    # test's captured output opens with ``---- <name> stdout ----``.
    r"failures:\s*$|-{4} \S.* std(?:out|err) -{4}$|" + _TITLED + "|"
    # VSTest's console logger heads each failing test's report with its name and time: ``Failed X [125 ms]``.
    r"Failed [^\s\[]+(?:\([^)]*\))? \[(?:< ?)?\d+(?:\.\d+)? ?m?s\]$|"
    r"Traceback \(most recent call last\):|panic: |Exception in thread|\* What went wrong:|"
    # A diff a check prints as its failure (``git diff --exit-code``, ``gofmt -d``, ``black --diff``,
    # ``rustfmt --check``): its file header heads the block (``diff -u``'s: ``--- x<TAB>2024-05-06 ...``).
    # shfmt's old file alone on the line (``--- scripts/x.sh.orig``) too; git's ``--- a/x`` is under its ``diff --git``.
    # rustfmt's ``Diff in src/a.rs at line 3:`` and StyLua's ``Diff in src/a.lua:``.
    r"diff (?:--git )?a/\S+ b/\S|--- \S+\t\d{4}-\d\d-\d\d |--- (?:/|a[^/\s:]|[^a/\s:])[^\s:]*[/.][^\s:]*$|Diff in \S+(?: at line \d+)?:$)",
)
