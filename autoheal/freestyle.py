"""Jenkins freestyle builds' sections, as ``sections.Sectioner`` asks about them: where the SCM checkout, the
post-build actions and a Text Finder's quote may open, and when a publisher is where the build failed.

A freestyle build checks out, runs its build steps (``[workspace] $ <command>``), then its publishers
(post-build actions: archive, JUnit, mail, Text Finder...), and prints ``Finished: <verdict>``. Its
publishers' lines are context of a build step's failure; a publisher is where the build failed only when
every build step passed: its own ``ERROR: Step '<name>' failed``, or a Text Finder that found its pattern
in the build's files. (A Pipeline stage, a GitHub Actions step runs its publishers as its own work.)
"""

from __future__ import annotations

from autoheal.cimarkers import POST_BUILD, QUOTE, SCM_CHECKOUT, TEXT_FINDER
from autoheal.marks import Marker
from autoheal.sectiontable import CLOSE_REACH, Sections


def opens(sections: Sections, found: Marker, line: int, freestyle: bool) -> bool:
    """Whether ``found`` opens its section at ``line`` (``freestyle``: a build step or checkout was seen before).

    Jenkins' checkout opens a section only before any other; a publisher's first line only in a freestyle
    build, after a build step or the checkout (or again among the post-build actions)."""
    last = sections.last
    if found.opens == SCM_CHECKOUT and found.kind == "step":
        return len(sections) == 1 and last.kind == "log"
    if found.kind == QUOTE:  # a Text Finder quotes files only among the post-build actions themselves,
        # not inside a command a publisher ran (a post-build script's own ``Checking credentials...``); its
        # own words (``found.jenkins``) are a publisher's first line, after a build step too
        among = last.aside and last.command in (POST_BUILD, TEXT_FINDER)
        return freestyle and (among or (found.jenkins and last.kind == "command"))
    if found.opens == POST_BUILD and found.aside:
        again = last.aside and last.command == POST_BUILD and last.start != line  # not the line that opened them
        return freestyle and (last.kind != "step" or last.command == SCM_CHECKOUT or again)
    return True


def publisher_fails(sections: Sections, failed: int) -> bool:
    """A post-build action's own error fails its section (the last) when the build steps ran and none of
    ``failed`` sections did (a failed one says so). After a failed step or checkout it follows from that
    failure (no test report, no artifact to archive) and says nothing more."""
    work = next((s for s in reversed(sections.live[-CLOSE_REACH:]) if not s.aside), None)
    return not failed and sections.last.aside and work is not None and work.kind == "command"


def marked_failed(sections: Sections, found: Marker) -> Marker:
    """The status of a publisher that marked the build failed (``Build step '...' marked build as failure``)
    when nothing else did: a console scan repeats the build's own failure lines, which point back at the last
    build step (the job's last work); a Text Finder's search of the build's files failed it itself, and the
    lines it quoted are where it failed."""
    return found if sections.last.kind == QUOTE else Marker(code=found.code, last_work=True)
