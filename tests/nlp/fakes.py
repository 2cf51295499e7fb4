"""A stand-in for the transformer NER where the model is not what a test is about."""

from __future__ import annotations

import re
from dataclasses import dataclass

from medkg.kg.schema import NodeLabel

TERMS = {"aspirin": NodeLabel.COMPOUND, "metformin": NodeLabel.COMPOUND, "lisinopril": NodeLabel.COMPOUND,
         "myocardial infarction": NodeLabel.DISEASE, "pneumonia": NodeLabel.DISEASE, "sepsis": NodeLabel.DISEASE,
         "stroke": NodeLabel.DISEASE, "breast cancer": NodeLabel.DISEASE, "chest pain": NodeLabel.DISEASE,
         "multiple sclerosis": NodeLabel.DISEASE, "hypertension": NodeLabel.DISEASE, "zorblax": NodeLabel.COMPOUND}
_RX = re.compile(r"\b(" + "|".join(sorted(map(re.escape, TERMS), key=len, reverse=True)) + r")\b", re.I)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: NodeLabel
    score: float
    text: str


class FakeNER:
    """Finds the words of :data:`TERMS` (case-insensitive), score 0.99 (above the linker's bar for unlinked spans)."""

    version = "fake"

    def predict(self, texts, batch_size=64):
        return [[Span(m.start(), m.end(), TERMS[m.group(1).lower()], 0.99, m.group(1)) for m in _RX.finditer(t)]
                for t in texts]


def fake_pipeline(fail_on: str | None = None):
    """The full pipeline with :class:`FakeNER`; ``fail_on``: raise when a document contains that string."""
    from medkg.nlp.pipeline import Pipeline

    pipe = Pipeline.default(ner=True)
    pipe.nlp.get_pipe("medkg_ner").predictor = FakeNER()
    if fail_on is not None:
        original = pipe.process

        def process(documents, batch_size=32):
            if any(fail_on in d.text for d in documents):
                raise RuntimeError("injected failure")
            return original(documents, batch_size)

        pipe.process = process
    return pipe
