"""Write the authored corpus: realistic CI failure logs with maintainer labels.

    python -m benchmarks.authored.make_corpus

Each case (cases_*.py) is written from knowledge of the tools' real output, in
one of several CI shapes (shapes.py), with setup noise before and post steps
after the failure. Its labelled ``failure_lines`` are the lines marked ``§``,
the lines that say what failed; the labels were written with the logs, before
triage ran on them. The logs and labels.jsonl are committed; this script only
regenerates them.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.authored import (  # noqa: F401  (registering the cases)
    cases_a,
    cases_aa,
    cases_ab,
    cases_ac,
    cases_ad,
    cases_ae,
    cases_af,
    cases_ag,
    cases_ah,
    cases_ai,
    cases_aj,
    cases_ak,
    cases_al,
    cases_am,
    cases_an,
    cases_ao,
    cases_ap,
    cases_aq,
    cases_ar,
    cases_b,
    cases_c,
    cases_d,
    cases_e,
    cases_f,
    cases_g,
    cases_h,
    cases_i,
    cases_j,
    cases_k,
    cases_m,
    cases_n,
    cases_p,
    cases_q,
    cases_r,
    cases_s,
    cases_t,
    cases_u,
    cases_v,
    cases_w,
    cases_x,
    cases_y,
    cases_z,
)
from benchmarks.authored.cases_a import CASES

HERE = Path(__file__).resolve().parent


def main() -> None:
    logs = HERE / "logs"
    logs.mkdir(exist_ok=True)
    for old in logs.glob("*.log"):
        old.unlink()
    rows = []
    for name, category, confidence, log, evidence, note in CASES:
        path = f"logs/{name}.log"
        (HERE / path).write_text("\n".join(log.lines) + "\n")
        rows.append(
            {
                "path": path,
                "source": "authored",
                "repo": f"authored:{name.split('-')[0]}",
                "category": category,
                "label_confidence": confidence,
                "failure_lines": log.failure_lines(),
                "evidence": evidence,
                "note": note,
            }
        )
    (HERE / "labels.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    print(f"{len(rows)} logs")


if __name__ == "__main__":
    main()
