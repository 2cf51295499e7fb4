"""Precision/recall of the dictionary NER on hand-annotated clinical sentences (written for medkg).

    python scripts/eval_dictionary.py [--show]

Gold mentions are marked inline as ``[text](Label)``. Only the labels the dictionary tags on its own are scored
(Symptom, Anatomy, SideEffect, Procedure); a prediction counts when span and label match exactly. A span the
gold calls Symptom that the dictionary tags SideEffect counts as a label error (both a false positive and a false
negative), so the table shows where the SIDER side-effect names overlap with symptoms.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from spacy.scorer import PRFScore

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SENTENCES = """\
Patient reports [shortness of breath](Symptom) and [chest pain](Symptom) radiating to the [left arm](Anatomy).
Denies [fever](Symptom), [chills](Symptom), or [cough](Symptom).
[CXR](Procedure) showed no infiltrate; [ECG](Procedure) with sinus rhythm.
She complains of [nausea](Symptom) and [vomiting](Symptom) for three days with [abdominal pain](Symptom).
[CT abdomen and pelvis](Procedure) demonstrated a stone in the left [ureter](Anatomy).
Mild [edema](Symptom) of both [ankles](Anatomy); no [rash](Symptom).
[Troponin](Procedure) negative x2, [BNP](Procedure) elevated.
Reports [fatigue](Symptom) and [dizziness](Symptom) on standing.
[MRI brain](Procedure) showed lesions in the [pons](Anatomy) and [cerebellum](Anatomy).
Plan: [colonoscopy](Procedure) and [CBC](Procedure) in the morning.
[SOB](Symptom) improved after nebulizers; still has [wheezing](SideEffect).
[Headache](Symptom) and [blurred vision](Symptom) since yesterday.
He developed [palpitations](SideEffect) and [insomnia](SideEffect) on the new dose.
[Lumbar puncture](Procedure) was performed without complication.
Tenderness over the [liver](Anatomy) without [jaundice](Symptom).
[Urinalysis](Procedure) positive for leukocytes; complains of [dysuria](Symptom).
[Echocardiogram](Procedure) showed normal function of the [mitral valve](Anatomy).
Pain in the [right knee](Anatomy) with [swelling](Symptom).
No [hemoptysis](Symptom) or [weight loss](Symptom).
[Blood cultures](Procedure) pending; [lactate](Procedure) 1.2.
"""

SCORED = ("Symptom", "Anatomy", "SideEffect", "Procedure")
_MARK = re.compile(r"\[([^\]]+)\]\((\w+)\)")


def parse(line: str) -> tuple[str, set[tuple[int, int, str]]]:
    text, gold, pos = "", set(), 0
    for m in _MARK.finditer(line):
        text += line[pos:m.start()]
        start = len(text)
        text += m.group(1)
        gold.add((start, len(text), m.group(2)))
        pos = m.end()
    return text + line[pos:], gold


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="print the errors")
    args = ap.parse_args(argv)
    from medkg.nlp.spacy_components import load

    pipe = load(ner=False)
    scores = {lab: PRFScore() for lab in SCORED}
    micro = PRFScore()
    for line in SENTENCES.splitlines():
        text, gold = parse(line)
        doc = pipe(text)
        pred = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in SCORED}
        gold = {g for g in gold if g[2] in SCORED}
        for lab, score in scores.items():
            score.score_set({p for p in pred if p[2] == lab}, {g for g in gold if g[2] == lab})
        micro.score_set(pred, gold)
        if args.show and pred != gold:
            print("gold-only:", [text[s:e] + f"/{lab}" for s, e, lab in sorted(gold - pred)],
                  " pred-only:", [text[s:e] + f"/{lab}" for s, e, lab in sorted(pred - gold)])
    print(f"{'label':12s} {'P':>6s} {'R':>6s} {'F1':>6s} {'support':>8s}")
    for lab, score in (*scores.items(), ("micro", micro)):
        print(f"{lab:12s} {100 * score.precision:6.1f} {100 * score.recall:6.1f} {100 * score.fscore:6.1f} "
              f"{score.tp + score.fn:8d}")


if __name__ == "__main__":
    main()
