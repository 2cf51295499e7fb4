"""Clinical and biomedical NLP: NER, normalization, assertion, relations, de-identification, batch extraction."""

from __future__ import annotations

from typing import Any


def load(**kwargs: Any) -> Any:
    """The full medkg spaCy pipeline; see :func:`nlp.spacy_components.load` for the options."""
    from nlp.spacy_components import load as _load

    return _load(**kwargs)
