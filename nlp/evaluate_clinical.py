"""Relation extraction on written clinical snippets: P/R/F1 per predicate, assertion accuracy and calibration.

Contract (``evaluate_written``; file format of ``tests/nlp/data/re_clinical.jsonl`` and ``re_written.jsonl``):

* Each row is one sentence/snippet ``{"text", "mentions": [[phrase, label], ...], "relations": [[i, j, predicate],
  ...], "assertions": [...]?}``. A mention is the *first* occurrence of its phrase in the text, with its label
  read by :func:`medkg.nlp.relations.to_label`; mentions are given to the extractor with sentence offsets, exactly as
  :meth:`medkg.nlp.relations.RelationExtractor.predict_batch` takes them (gold mentions: the relation step alone).
* Every ordered candidate pair of :meth:`RelationExtractor.candidate_pairs` is scored once
  (:meth:`RelationExtractor.pair_scores`); relations are read off those scores with
  :meth:`RelationExtractor.relations_from_scores` (what ``predict_batch`` does, without a second forward pass).
* A predicted relation is a true positive when its predicate and (subject, object) match a gold relation of the
  row; otherwise it is a false positive of its predicate. A gold relation not predicted with its predicate is a
  false negative of its predicate (a pair predicted with the wrong predicate costs one FP and one FN). A gold
  relation that is no candidate pair (labels that allow no predicate, overlapping spans) can never be found: it is
  a false negative and counted under ``gold_not_candidates``.
* Assertion accuracy: over the true positives whose gold assertion is given, predicted ``Relation.assertion`` vs
  the gold one.
* Calibration: for every candidate pair, the top label of its distribution over NONE + the allowed predicates and
  its probability; correct when that label is the gold label (NONE when the pair has no gold relation). ECE and the
  reliability table come from :func:`medkg.nlp.relations.reliability` (equal-width bins). ``above_threshold`` repeats it
  over the pairs that become relations: top label not NONE and confidence at or above the threshold ("a triple
  above the threshold should be right at least as often as its confidence says").
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medkg.kg.errors import InputError
from medkg.kg.schema import Assertion, NodeLabel
from medkg.nlp.docrel import document_relations, load_doc_models
from medkg.nlp.evaluate_relations import prf
from medkg.nlp.relations import LABELS, RelationExtractor, reliability, to_label
from medkg.nlp.spacy_components import sentence_bounds

#: Predicates the relation model scores, in report order.
PREDICATES: tuple[str, ...] = ("TREATS", "CAUSES", "PRESENTS", "LOCALIZES", "DIAGNOSED_BY")


@dataclass(frozen=True, slots=True)
class WrittenMention:
    """A gold mention with sentence offsets (what ``RelationExtractor.predict_batch`` expects)."""

    start: int
    end: int
    label: NodeLabel
    text: str


def read_written(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a written relation file, checked: phrases in the text, labels known, indices in range."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"relation test file not found: {path}")
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{lineno}: not JSON ({exc})") from exc
        text, mentions, relations = row.get("text"), row.get("mentions"), row.get("relations", [])
        if not isinstance(text, str) or not isinstance(mentions, list) or not isinstance(relations, list):
            raise InputError(f"{path}:{lineno}: expected text, mentions and relations")
        for phrase, label in mentions:
            if phrase not in text:
                raise InputError(f"{path}:{lineno}: mention {phrase!r} is not in the text")
            if to_label(label) is None:
                raise InputError(f"{path}:{lineno}: unknown label {label!r}")
        for i, j, predicate in relations:
            if not (0 <= i < len(mentions) and 0 <= j < len(mentions)) or i == j:
                raise InputError(f"{path}:{lineno}: relation indices {i}, {j} out of range")
            if predicate not in LABELS[1:]:
                raise InputError(f"{path}:{lineno}: unknown predicate {predicate!r}")
        assertions = row.get("assertions")
        if assertions is not None:
            if len(assertions) != len(relations):
                raise InputError(f"{path}:{lineno}: {len(assertions)} assertions for {len(relations)} relations")
            for a in assertions:
                Assertion(a)  # ValueError on an unknown value
        rows.append(row)
    return rows


def row_mentions(row: dict[str, Any]) -> list[WrittenMention]:
    """The row's mentions: first occurrence of each phrase, its label as a NodeLabel."""
    out = []
    for phrase, label in row["mentions"]:
        start = row["text"].index(phrase)
        out.append(WrittenMention(start, start + len(phrase), to_label(label), phrase))
    return out


def _top(dist: dict[str, float]) -> tuple[str, float]:
    best = max(dist, key=dist.get)  # the same tie-break as RelationExtractor.relations_from_scores
    return best, dist[best]


def evaluate_rows(rows: list[dict[str, Any]], extractor: Any, *, threshold: float | None = None,
                  bins: int = 10, batch_size: int = 64) -> dict[str, Any]:
    """The evaluation of :func:`evaluate_written` on rows already read (see the module docstring)."""
    threshold = float(extractor.threshold if threshold is None else threshold)
    if not 0.0 <= threshold <= 1.0:
        raise InputError(f"threshold must be in [0, 1], got {threshold}")
    items = [(row["text"], row_mentions(row)) for row in rows]
    scores = extractor.pair_scores(items, batch_size=batch_size)
    relations = extractor.relations_from_scores(items, scores, threshold)

    counts = {p: Counter() for p in PREDICATES}
    assertion_pairs: list[tuple[str, str]] = []
    found_by_assertion, gold_by_assertion = Counter(), Counter()
    confidences, correct, above_conf, above_correct = [], [], [], []
    errors: list[dict[str, Any]] = []
    n_pairs = n_gold = not_candidates = 0
    predicted_counts = Counter()

    for row, (text, ms), pair_scores_of, rels in zip(rows, items, scores, relations):
        gold: dict[tuple[int, int], str] = {}
        gold_assertion: dict[tuple[int, int], str | None] = {}
        assertions = row.get("assertions") or [None] * len(row.get("relations", []))
        for (i, j, predicate), a in zip(row.get("relations", []), assertions):
            gold[(i, j)] = predicate
            gold_assertion[(i, j)] = a
            gold_by_assertion[a or "unknown"] += 1
            counts.setdefault(predicate, Counter())
        n_gold += len(gold)
        index = {id(m): k for k, m in enumerate(ms)}
        predicted: dict[tuple[int, int], Any] = {}
        for r in rels:
            predicted[(index[id(r.subject)], index[id(r.object)])] = r
        candidates = set()
        for i, j, dist in pair_scores_of:
            candidates.add((i, j))
            n_pairs += 1
            label, conf = _top(dist)
            ok = label == gold.get((i, j), "NONE")
            confidences.append(conf)
            correct.append(ok)
            if label != "NONE" and conf >= threshold:
                above_conf.append(conf)
                above_correct.append(ok)
        not_candidates += sum(1 for pair in gold if pair not in candidates)

        for pair, r in predicted.items():
            pred = r.predicate.value
            predicted_counts[pred] += 1
            counts.setdefault(pred, Counter())
            if gold.get(pair) == pred:
                counts[pred]["tp"] += 1
                want = gold_assertion.get(pair)
                if want is not None:
                    assertion_pairs.append((want, r.assertion.value))
                    found_by_assertion[want] += 1
                else:
                    found_by_assertion["unknown"] += 1
            else:
                counts[pred]["fp"] += 1
                errors.append(_error(text, ms, pair, "FP", pred, gold.get(pair, "NONE"), r.confidence,
                                     r.assertion.value))
        for pair, want in gold.items():
            r = predicted.get(pair)
            if r is None or r.predicate.value != want:
                counts[want]["fn"] += 1
                dist = next((d for i, j, d in pair_scores_of if (i, j) == pair), {})
                got = r.predicate.value if r is not None else "NONE"
                errors.append(_error(text, ms, pair, "FN", got, want, dist.get(want), gold_assertion.get(pair)))

    per_predicate = {p: prf(c["tp"], c["fp"], c["fn"]) for p, c in counts.items()}
    tp = sum(c["tp"] for c in counts.values())
    fp = sum(c["fp"] for c in counts.values())
    fn = sum(c["fn"] for c in counts.values())
    ece, table = reliability(confidences, correct, bins)
    ece_above, table_above = reliability(above_conf, above_correct, bins) if above_conf else (0.0, [])
    above_rows = [dict(b, gap=None if b["n"] == 0 else round(b["accuracy"] - b["confidence"], 4))
                  for b in table_above if float(b["bin"].split("-")[1]) > threshold or b["n"]]
    n_assert = len(assertion_pairs)
    return {
        "rows": len(rows),
        "candidate_pairs": n_pairs,
        "gold_relations": n_gold,
        "gold_not_candidates": not_candidates,
        "predicted_relations": dict(predicted_counts),
        "threshold": threshold,
        "model_version": getattr(extractor, "version", None),
        "per_predicate": per_predicate,
        "micro": prf(tp, fp, fn),
        "assertion": {
            "n": n_assert,
            "correct": sum(g == p for g, p in assertion_pairs),
            "accuracy": sum(g == p for g, p in assertion_pairs) / n_assert if n_assert else None,
            "confusion": {f"{g}->{p}": c for (g, p), c in sorted(Counter(assertion_pairs).items())},
            "recall_by_gold_assertion": {a: {"gold": n, "found": found_by_assertion[a]}
                                         for a, n in sorted(gold_by_assertion.items())},
        },
        "calibration": {"ece": ece, "n": len(confidences), "accuracy": sum(correct) / len(correct) if correct
                        else None, "table": table},
        "above_threshold": {"ece": ece_above, "n": len(above_conf),
                            "accuracy": sum(above_correct) / len(above_correct) if above_correct else None,
                            "mean_confidence": sum(above_conf) / len(above_conf) if above_conf else None,
                            "table": above_rows},
        "errors": errors,
    }


def _error(text: str, ms, pair: tuple[int, int], kind: str, predicted: str, gold: str, confidence, assertion):
    i, j = pair
    return {"kind": kind, "text": text, "subject": ms[i].text, "object": ms[j].text, "predicted": predicted,
            "gold": gold, "confidence": None if confidence is None else round(float(confidence), 4),
            "assertion": assertion}


def evaluate_written(path: str | Path, extractor: Any | None = None, *, threshold: float | None = None,
                     bins: int = 10, batch_size: int = 64) -> dict[str, Any]:
    """Evaluate ``extractor`` (default: the shipped :meth:`RelationExtractor.load`) on a written JSONL file."""
    rows = read_written(path)
    if extractor is None:
        extractor = RelationExtractor.load()
    result = evaluate_rows(rows, extractor, threshold=threshold, bins=bins, batch_size=batch_size)
    result["file"] = str(path)
    return result


# ------------------------------------------------------------------------------------------------------- report


def format_report(result: dict[str, Any], errors: bool = False) -> str:
    """Plain-text tables of :func:`evaluate_written`'s result."""
    out = [f"file: {result.get('file', '-')}  model: {result.get('model_version')}  threshold: {result['threshold']}",
           f"rows {result['rows']}, candidate pairs {result['candidate_pairs']}, gold relations "
           f"{result['gold_relations']} (not candidate pairs: {result['gold_not_candidates']}), predicted "
           f"{sum(result['predicted_relations'].values())}", "",
           f"{'predicate':<13} {'P':>7} {'R':>7} {'F1':>7} {'support':>8} {'tp':>4} {'fp':>4} {'fn':>4}"]
    order = [p for p in PREDICATES if p in result["per_predicate"]] + sorted(
        p for p in result["per_predicate"] if p not in PREDICATES)
    for name, m in [(p, result["per_predicate"][p]) for p in order] + [("micro", result["micro"])]:
        out.append(f"{name:<13} {100 * m['precision']:7.2f} {100 * m['recall']:7.2f} {100 * m['f1']:7.2f} "
                   f"{m['support']:8d} {m['tp']:4d} {m['fp']:4d} {m['fn']:4d}")
    a = result["assertion"]
    acc = "n/a" if a["accuracy"] is None else f"{100 * a['accuracy']:.2f} %"
    out += ["", f"assertion accuracy on correctly found relations: {acc} ({a['correct']}/{a['n']})"]
    if a["confusion"]:
        out.append("  gold->predicted: " + ", ".join(f"{k} {v}" for k, v in a["confusion"].items()))
    out.append("  found/gold by gold assertion: " + ", ".join(
        f"{k} {v['found']}/{v['gold']}" for k, v in a["recall_by_gold_assertion"].items()))
    cal = result["calibration"]
    out += ["", f"calibration, all candidate pairs (top label incl. NONE): n={cal['n']}, ECE={cal['ece']:.4f}",
            *_table(cal["table"])]
    ab = result["above_threshold"]
    out += ["", f"calibration, relations (top label not NONE, confidence >= {result['threshold']}): n={ab['n']}, "
            f"ECE={ab['ece']:.4f}" + ("" if ab["accuracy"] is None else
                                       f", mean confidence {ab['mean_confidence']:.4f}, accuracy {ab['accuracy']:.4f}"),
            *_table(ab["table"], gap=True)]
    if errors:
        out += ["", "errors:"]
        for e in result["errors"]:
            conf = "" if e["confidence"] is None else f" {e['confidence']:.2f}"
            out.append(f"  {e['kind']} {e['subject']} -> {e['object']}: predicted {e['predicted']}, gold "
                       f"{e['gold']}{conf} | {e['text']}")
    return "\n".join(out)


def _table(rows: list[dict], gap: bool = False) -> list[str]:
    head = f"  {'bin':<8} {'n':>5} {'mean conf':>10} {'accuracy':>9}" + (f" {'acc-conf':>9}" if gap else "")
    lines = [head]
    for b in rows:
        if b["n"] == 0:
            lines.append(f"  {b['bin']:<8} {0:5d} {'-':>10} {'-':>9}" + (f" {'-':>9}" if gap else ""))
            continue
        line = f"  {b['bin']:<8} {b['n']:5d} {b['confidence']:10.4f} {b['accuracy']:9.4f}"
        if gap:
            line += f" {b['gap']:+9.4f}"
        lines.append(line)
    return lines


@dataclass(frozen=True, slots=True)
class _IndexedMention:
    start: int
    end: int
    label: NodeLabel
    index: int


def evaluate_rows_document_level(rows: list[dict[str, Any]], extractor: Any, doc_models: Any = None, *,
                                 threshold: float | None = None, calibration: Any = None,
                                 bins: int = 10) -> dict[str, Any]:
    """P/R/F1 per predicate of the document-level path (:func:`medkg.nlp.docrel.document_relations`, each snippet one
    document, each mention its own concept) on the same rows: what decides whether notes keep the sentence-level
    path. Under ``"emitted"``: the confidences of the relations it emits (what a user of the pipeline sees), ECE and
    reliability of "right = the gold relation of that pair", raw and, with ``calibration``
    (a :class:`medkg.nlp.relations.ConfidenceCalibration`), mapped; ``"confidences"`` lists them for fitting."""
    models = load_doc_models() if doc_models is None else list(doc_models)
    counts = {p: Counter() for p in PREDICATES}
    emitted: list[tuple[float, bool]] = []
    for row in rows:
        text = row["text"]
        sents = sentence_bounds(text)
        ms = [_IndexedMention(m.start, m.end, m.label, k) for k, m in enumerate(row_mentions(row))]
        ms = [m for m in ms if any(a <= m.start < b and m.end <= b for a, b in sents)]
        gold = {(i, j): p for i, j, p in row.get("relations", [])}
        predicted = {(r.subject.mention.index, r.object.mention.index): r
                     for _, r in document_relations(text, sents, ms, extractor, models,
                                                    concept_key=lambda m: str(m.index), threshold=threshold)}
        for pair, r in predicted.items():
            right = gold.get(pair) == r.predicate.value
            counts[r.predicate.value]["tp" if right else "fp"] += 1
            emitted.append((float(r.confidence), right))
        for pair, pred in gold.items():
            if pair not in predicted or predicted[pair].predicate.value != pred:
                counts[pred]["fn"] += 1
    out: dict[str, Any] = {p: prf(c["tp"], c["fp"], c["fn"]) for p, c in counts.items()}
    total = sum(counts.values(), Counter())
    out["micro"] = prf(total["tp"], total["fp"], total["fn"])
    confs, right = [c for c, _ in emitted], [ok for _, ok in emitted]
    out["emitted"] = {"raw": _calibration_summary(confs, right, bins)}
    if calibration is not None:
        out["emitted"]["calibrated"] = _calibration_summary([calibration(c) for c in confs], right, bins)
    out["confidences"] = emitted
    return out


def _calibration_summary(confs: list[float], right: list[bool], bins: int) -> dict[str, Any]:
    ece, table = reliability(confs, right, bins) if confs else (0.0, [])
    return {"n": len(confs), "ece": ece, "mean_confidence": sum(confs) / len(confs) if confs else None,
            "accuracy": sum(right) / len(right) if right else None, "table": [b for b in table if b["n"]]}
