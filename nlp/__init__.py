"""Clinical and biomedical NLP: NER, normalization, assertion, relations, de-identification, batch extraction.

The full spaCy pipeline is :func:`medkg.nlp.spacy_components.load` (also ``medkg.load``).
"""
