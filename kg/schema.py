"""The graph whitelist: every node label and relationship type medkg will ever write or accept.

Labels and relationship types cannot be Cypher parameters, so they are the only identifiers that reach query
text. They reach it only after :func:`node_label` / :func:`rel_type` have checked them against the enums below;
everything else travels as a parameter.
"""

from __future__ import annotations

from enum import Enum

from medkg.kg.errors import SchemaError


class NodeLabel(str, Enum):
    COMPOUND = "Compound"  # drugs and chemicals (DrugBank ids, or MeSH for chemicals outside DrugBank)
    DISEASE = "Disease"
    SYMPTOM = "Symptom"
    SIDE_EFFECT = "SideEffect"
    ANATOMY = "Anatomy"
    GENE = "Gene"
    PATHWAY = "Pathway"
    PHARMACOLOGIC_CLASS = "PharmacologicClass"
    PROCEDURE = "Procedure"  # procedures and diagnostic tests
    FINDING = "Finding"  # imaging findings
    DOCUMENT = "Document"
    PATIENT = "Patient"
    IMAGING_STUDY = "ImagingStudy"
    EVIDENCE = "Evidence"  # one supporting mention/sentence of a fact edge (see kg.fusion)
    PREDICTION_RUN = "PredictionRun"  # which run of a model's PREDICTED_* edges readers see (write_predictions)


class RelType(str, Enum):
    # Clinical / biomedical facts
    TREATS = "TREATS"
    PALLIATES = "PALLIATES"
    CAUSES = "CAUSES"
    PRESENTS = "PRESENTS"
    LOCALIZES = "LOCALIZES"
    DIAGNOSED_BY = "DIAGNOSED_BY"
    ASSOCIATES = "ASSOCIATES"
    BINDS = "BINDS"
    RESEMBLES = "RESEMBLES"
    INCLUDES = "INCLUDES"
    UPREGULATES = "UPREGULATES"
    DOWNREGULATES = "DOWNREGULATES"
    REGULATES = "REGULATES"
    INTERACTS = "INTERACTS"
    COVARIES = "COVARIES"
    PARTICIPATES = "PARTICIPATES"
    EXPRESSES = "EXPRESSES"
    # Documents, patients, imaging
    MENTIONS = "MENTIONS"
    HAS_DOCUMENT = "HAS_DOCUMENT"
    HAS_STUDY = "HAS_STUDY"
    HAS_FINDING = "HAS_FINDING"
    SUGGESTS = "SUGGESTS"  # Finding -> Disease
    LOCATED_IN = "LOCATED_IN"  # Finding -> Anatomy
    # Non-asserted claims (negated, possible, family, hypothetical): kept, never a fact edge
    QUALIFIED = "QUALIFIED"
    # Model output, never mixed with asserted facts
    PREDICTED_TREATS = "PREDICTED_TREATS"
    PREDICTED_PRESENTS = "PREDICTED_PRESENTS"


class Assertion(str, Enum):
    PRESENT = "present"
    NEGATED = "negated"
    POSSIBLE = "possible"
    HISTORICAL = "historical"
    FAMILY = "family"
    HYPOTHETICAL = "hypothetical"


#: Assertions that become positive fact edges. Everything else is stored as a ``QUALIFIED`` edge.
POSITIVE_ASSERTIONS = frozenset({Assertion.PRESENT, Assertion.HISTORICAL})

#: Relationship types only the system writes (predictions, bookkeeping); not accepted from triples files.
SYSTEM_REL_TYPES = frozenset({RelType.QUALIFIED, RelType.PREDICTED_TREATS, RelType.PREDICTED_PRESENTS})
#: Node labels that only medkg's own writers create (fusion's evidence, the imaging pipeline): never a triple's end.
INTERNAL_LABELS = frozenset({NodeLabel.EVIDENCE, NodeLabel.IMAGING_STUDY, NodeLabel.FINDING, NodeLabel.PREDICTION_RUN})


def _choices(enum: type[Enum]) -> str:
    return ", ".join(m.value for m in enum)


def node_label(value: str | NodeLabel) -> NodeLabel:
    """Return the whitelisted label for ``value`` or raise :class:`SchemaError` listing the valid ones."""
    if isinstance(value, NodeLabel):
        return value
    try:
        return NodeLabel(value)
    except ValueError:
        raise SchemaError(f"unknown node label {value!r}; valid labels: {_choices(NodeLabel)}") from None


def rel_type(value: str | RelType) -> RelType:
    """Return the whitelisted relationship type for ``value`` or raise :class:`SchemaError`."""
    if isinstance(value, RelType):
        return value
    try:
        return RelType(value)
    except ValueError:
        raise SchemaError(f"unknown relationship type {value!r}; valid types: {_choices(RelType)}") from None


def assertion(value: str | Assertion) -> Assertion:
    if isinstance(value, Assertion):
        return value
    try:
        return Assertion(value)
    except ValueError:
        raise SchemaError(f"unknown assertion {value!r}; valid assertions: {_choices(Assertion)}") from None


#: Hetionet v1.0 metaedge abbreviation -> (source label, relationship type, target label).
HETIONET_METAEDGES: dict[str, tuple[NodeLabel, RelType, NodeLabel]] = {
    "AdG": (NodeLabel.ANATOMY, RelType.DOWNREGULATES, NodeLabel.GENE),
    "AeG": (NodeLabel.ANATOMY, RelType.EXPRESSES, NodeLabel.GENE),
    "AuG": (NodeLabel.ANATOMY, RelType.UPREGULATES, NodeLabel.GENE),
    "CbG": (NodeLabel.COMPOUND, RelType.BINDS, NodeLabel.GENE),
    "CcSE": (NodeLabel.COMPOUND, RelType.CAUSES, NodeLabel.SIDE_EFFECT),
    "CdG": (NodeLabel.COMPOUND, RelType.DOWNREGULATES, NodeLabel.GENE),
    "CpD": (NodeLabel.COMPOUND, RelType.PALLIATES, NodeLabel.DISEASE),
    "CrC": (NodeLabel.COMPOUND, RelType.RESEMBLES, NodeLabel.COMPOUND),
    "CtD": (NodeLabel.COMPOUND, RelType.TREATS, NodeLabel.DISEASE),
    "CuG": (NodeLabel.COMPOUND, RelType.UPREGULATES, NodeLabel.GENE),
    "DaG": (NodeLabel.DISEASE, RelType.ASSOCIATES, NodeLabel.GENE),
    "DdG": (NodeLabel.DISEASE, RelType.DOWNREGULATES, NodeLabel.GENE),
    "DlA": (NodeLabel.DISEASE, RelType.LOCALIZES, NodeLabel.ANATOMY),
    "DpS": (NodeLabel.DISEASE, RelType.PRESENTS, NodeLabel.SYMPTOM),
    "DrD": (NodeLabel.DISEASE, RelType.RESEMBLES, NodeLabel.DISEASE),
    "DuG": (NodeLabel.DISEASE, RelType.UPREGULATES, NodeLabel.GENE),
    "GcG": (NodeLabel.GENE, RelType.COVARIES, NodeLabel.GENE),
    "GiG": (NodeLabel.GENE, RelType.INTERACTS, NodeLabel.GENE),
    "GpPW": (NodeLabel.GENE, RelType.PARTICIPATES, NodeLabel.PATHWAY),
    "Gr>G": (NodeLabel.GENE, RelType.REGULATES, NodeLabel.GENE),
    "PCiC": (NodeLabel.PHARMACOLOGIC_CLASS, RelType.INCLUDES, NodeLabel.COMPOUND),
}

#: Hetionet node kind -> (label, concept-id prefix). Hetionet's own identifiers keep their form where they
#: already carry a prefix (``DOID:``, ``UBERON:``) or are self-describing (DrugBank ``DB…``).
HETIONET_KINDS: dict[str, tuple[NodeLabel, str]] = {
    "Compound": (NodeLabel.COMPOUND, ""),
    "Disease": (NodeLabel.DISEASE, ""),
    "Symptom": (NodeLabel.SYMPTOM, "MESH:"),
    "Side Effect": (NodeLabel.SIDE_EFFECT, "UMLS:"),
    "Anatomy": (NodeLabel.ANATOMY, ""),
    "Gene": (NodeLabel.GENE, "NCBIGene:"),
    "Pathway": (NodeLabel.PATHWAY, ""),
    "Pharmacologic Class": (NodeLabel.PHARMACOLOGIC_CLASS, "NDFRT:"),
}


def hetionet_concept(node: str) -> tuple[NodeLabel, str]:
    """Map a Hetionet node identifier such as ``Symptom::D000006`` to ``(label, concept id)``.

    >>> hetionet_concept("Disease::DOID:1612")
    (<NodeLabel.DISEASE: 'Disease'>, 'DOID:1612')
    """
    kind, sep, raw = node.partition("::")
    if not sep or kind not in HETIONET_KINDS:
        raise SchemaError(f"not a Hetionet node id of a supported kind: {node!r}")
    label, prefix = HETIONET_KINDS[kind]
    return label, prefix + raw
