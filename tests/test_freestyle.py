"""freestyle: where a Jenkins freestyle build's checkout, post-build actions and Text Finder quote may open,
and when a publisher is where the build failed."""

from __future__ import annotations

import pytest

from autoheal import freestyle
from autoheal.cimarkers import POST_BUILD, QUOTE, SCM_CHECKOUT, TEXT_FINDER
from autoheal.marks import JENKINS, Marker
from autoheal.sectiontable import Section, Sections

# The sections opened so far (after the log's own first one), by what each is: fresh ones for each test.
SHAPES = {
    "step": lambda: Section(2, "/bin/sh -xe /tmp/j.sh", "command"),
    "checkout": lambda: Section(2, SCM_CHECKOUT, "step"),
    "stage": lambda: Section(2, "Test", "step"),
    "posts": lambda: Section(6, POST_BUILD, "step", aside=True),
    "quote": lambda: Section(6, TEXT_FINDER, QUOTE, aside=True),
}
CHECKOUT = Marker(opens=SCM_CHECKOUT, kind="step", jenkins=True, ci=JENKINS)
PUBLISHER = Marker(opens=POST_BUILD, kind="step", aside=True, ci=JENKINS)
CHECKING = Marker(opens=TEXT_FINDER, kind=QUOTE, aside=True, ci=JENKINS)  # ``Checking <regex>``
SEARCH = Marker(opens=TEXT_FINDER, kind=QUOTE, aside=True, jenkins=True, ci=JENKINS)  # the plugin's own words


def _sections(*opened: str) -> Sections:
    sections = Sections(Section(1, "", "log"))
    for shape in opened:
        sections.append(SHAPES[shape]())
    return sections


@pytest.mark.parametrize(
    ("opened", "found", "freestyle_build", "opens"),
    [
        ((), CHECKOUT, False, True),  # the checkout only first
        (("step",), CHECKOUT, True, False),
        (("step",), PUBLISHER, True, True),  # a publisher's first line after a build step
        (("step",), PUBLISHER, False, False),  # ... of a freestyle build only
        (("stage",), PUBLISHER, True, False),  # a Pipeline stage runs its publishers as its own work
        (("step", "posts"), CHECKING, True, True),  # a bare ``Checking`` among the post-build actions
        (("step",), CHECKING, True, False),  # ... not in a build step's output (cargo's ``Checking crate``)
        (("step",), SEARCH, True, True),  # the plugin's own words after a build step too
        (("stage",), SEARCH, True, False),
    ],
)
def test_where_a_freestyle_section_may_open(
    opened: tuple[str, ...], found: Marker, freestyle_build: bool, opens: bool
) -> None:
    assert freestyle.opens(_sections(*opened), found, 9, freestyle_build) is opens


def test_a_publishers_own_error_fails_it_only_after_build_steps_that_all_passed() -> None:
    assert freestyle.publisher_fails(_sections("step", "posts"), 0)
    assert not freestyle.publisher_fails(_sections("step", "posts"), 1)
    assert not freestyle.publisher_fails(_sections("checkout", "posts"), 0)


def test_a_text_finders_search_of_files_fails_itself_and_a_console_scan_the_last_build_step() -> None:
    marked = Marker(code=1, then=POST_BUILD, ci=JENKINS)
    assert freestyle.marked_failed(_sections("step", "quote"), marked) is marked
    assert freestyle.marked_failed(_sections("step", "posts"), marked) == Marker(code=1, last_work=True)
