"""Readers for the formats biomedical literature comes in: PubMed/MEDLINE XML, BioC XML and JSON, PubTator.

Each reader streams one file and yields :class:`LiteratureRow` objects: a record number, the record as the
columns :mod:`medkg.nlp.records` understands (``id``, ``text``, ``note_type`` and metadata) or the reason it
cannot be one, and the bytes its resume key is made from. Every record is marked as literature (``note_type`` ``abstract`` or
``article``), which :mod:`medkg.nlp.privacy` leaves un-de-identified, so the text medkg extracts from is exactly the
text built here and every offset in a triple's provenance points into it:

* **PubMed/MEDLINE XML** (``.xml``/``.xml.gz``, the baseline and update files): ``id`` = PMID; text = the title, a
  newline, then each abstract section on its own line, labelled (``BACKGROUND: …``) when PubMed labels it;
  metadata ``title``, ``year``, ``journal``, ``mesh`` (JSON list of MeSH descriptor ids and names) and ``sections``
  (JSON list of ``[label, start, end]`` character ranges). A ``<DeleteCitation>`` PMID is reported as a record
  that is not processed ("deleted citation"), never silently dropped. Parsed with lxml's ``iterparse`` (elements are
  freed as they are read: a 150 MB baseline file never sits in memory), without network access or DTD loading.
* **BioC XML** (``<collection>``) and **BioC JSON** (``.json``: a collection or a list of collections, as PMC's
  BioC service returns them), read with the ``bioc`` package: each passage (or, for sentence-level BioC, each
  sentence) is placed at its own ``offset``, gaps filled with a space (or a newline and spaces), so BioC offsets
  and medkg's offsets are the same numbers. Reference-list passages are left out (their place stays blank).
* **PubTator** (``*.pubtator``, ``*.pubtator.txt``): ``PMID|t|title`` and ``PMID|a|abstract`` lines, mention and
  relation lines checked but not used; text = title + " " + abstract, the corpus' own offset convention. The one
  PubTator parser (:func:`iter_pubtator`) is shared with the evaluations and the training scripts.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from bioc import biocjson, biocxml
from bioc.pubtator import PubTator, PubTatorAnn, PubTatorRel
from lxml import etree

PUBTATOR_SUFFIXES = (".pubtator", ".pubtator.txt")
XML_SUFFIXES = (".xml", ".xml.gz")
BIOC_JSON_SUFFIXES = (".json",)
#: BioC passage types (``infons["type"]`` / ``infons["section_type"]``) that are not the article's own prose
SKIPPED_PASSAGES = frozenset({"ref", "references"})


@dataclass(frozen=True, slots=True)
class LiteratureRow:
    """One record of a literature file: ``row`` (the record's columns) or ``error`` (why it is no record)."""

    number: int
    raw: bytes  # what the record's resume key is made from: its own bytes in the file
    row: dict[str, Any] | None = None
    error: str | None = None
    doc_id: str | None = None


def literature_format(path: Path) -> str | None:
    """``pubmed``, ``bioc-xml``, ``bioc-json``, ``pubtator``, ``xml`` (an XML file of another kind) or None."""
    name = path.name.lower()
    if name.endswith(PUBTATOR_SUFFIXES):
        return "pubtator"
    if name.endswith(BIOC_JSON_SUFFIXES):
        return "bioc-json"
    if name.endswith(XML_SUFFIXES):
        root = _xml_root(path)
        return {"PubmedArticleSet": "pubmed", "collection": "bioc-xml"}.get(root or "", "xml")
    return None


def read_literature(path: Path, fmt: str) -> Iterator[LiteratureRow]:
    """The records of one literature file of format ``fmt`` (see :func:`literature_format`)."""
    readers = {"pubmed": read_pubmed, "bioc-xml": read_bioc_xml, "bioc-json": read_bioc_json,
               "pubtator": read_pubtator}
    if fmt not in readers:
        root = _xml_root(path)
        yield LiteratureRow(0, str(path).encode(), error=f"unsupported XML (root element <{root}>; medkg reads "
                            "PubMed/MEDLINE XML <PubmedArticleSet> and BioC XML <collection>)")
        return
    yield from readers[fmt](path)


# ------------------------------------------------------------------------------------------------ PubMed
@contextmanager
def _open_binary(path: Path) -> Iterator[IO[bytes]]:
    fh: IO[bytes] = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")
    try:
        yield fh
    finally:
        fh.close()


def _xml_root(path: Path) -> str | None:
    """The name of the first element of an XML file (read from its first 64 KiB), or None."""
    try:
        with _open_binary(path) as fh:
            head = fh.read(65536).decode("utf-8", errors="replace")
    except (OSError, EOFError):
        return None
    head = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", "", head, flags=re.DOTALL)
    m = re.search(r"<([A-Za-z_][\w.:-]*)", head)
    return m.group(1) if m else None


def _text(elem: Any) -> str:
    """An element's text with its inline markup (``<i>``, ``<sup>`` …) dropped and whitespace collapsed."""
    return " ".join("".join(elem.itertext()).split()) if elem is not None else ""


def read_pubmed(path: Path) -> Iterator[LiteratureRow]:
    number = 0
    with _open_binary(path) as fh:
        events = etree.iterparse(fh, events=("end",), tag=("PubmedArticle", "PubmedBookArticle", "DeleteCitation"),
                                 resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        try:
            for _, elem in events:
                if elem.tag == "DeleteCitation":
                    for pmid in elem.iter("PMID"):
                        number += 1
                        pid = (pmid.text or "").strip()
                        yield LiteratureRow(number, f"delete\0{pid}".encode(), doc_id=pid or None,
                                            error="deleted citation (PubMed DeleteCitation): not extracted")
                else:
                    number += 1
                    yield _pubmed_article(number, elem, etree.tostring(elem))
                elem.clear(keep_tail=True)
                while elem.getprevious() is not None:  # free what was read, so memory stays flat
                    del elem.getparent()[0]
        except etree.XMLSyntaxError as err:
            yield LiteratureRow(number + 1, f"{path}\0syntax\0{err}".encode(),
                                error=f"malformed XML after record {number} ({err.msg}, line {err.lineno}); "
                                      "the rest of the file was not read")


def _pubmed_article(number: int, art: Any, raw: bytes) -> LiteratureRow:
    pmid = art.find(".//PMID")
    pid = (pmid.text or "").strip() if pmid is not None else ""
    if not pid:
        return LiteratureRow(number, raw, error="PubMed record without a PMID")
    title = _text(art.find(".//ArticleTitle")) or _text(art.find(".//BookTitle")) \
        or _text(art.find(".//VernacularTitle"))
    parts = [title] if title else []
    start = len(title) + 1 if title else 0
    sections: list[list[Any]] = []
    abstract = art.find(".//Abstract")
    for sec in abstract.iter("AbstractText") if abstract is not None else ():
        body = _text(sec)
        if not body:
            continue
        label = (sec.get("Label") or "").strip()
        line = f"{label}: {body}" if label else body
        sections.append([label or sec.get("NlmCategory") or "", start, start + len(line)])
        parts.append(line)
        start += len(line) + 1
    year = _pubmed_year(art)
    mesh = [{"id": d.get("UI"), "name": _text(d)} for d in art.iterfind(".//MeshHeading/DescriptorName")]
    row: dict[str, Any] = {"id": pid, "text": "\n".join(parts), "note_type": "abstract", "title": title}
    if year:
        row["year"] = year
    journal = _text(art.find(".//Journal/Title"))
    if journal:
        row["journal"] = journal
    if mesh:
        row["mesh"] = mesh
    if sections:
        row["sections"] = sections
    return LiteratureRow(number, raw, row=row, doc_id=pid)


def _pubmed_year(art: Any) -> str | None:
    for path in (".//JournalIssue/PubDate/Year", ".//ArticleDate/Year", ".//PubDate/Year",
                 ".//JournalIssue/PubDate/MedlineDate", ".//DateCompleted/Year"):
        elem = art.find(path)
        if elem is not None and (m := re.search(r"\b(1[5-9]\d\d|2\d\d\d)\b", elem.text or "")):
            return m.group(1)
    return None


# -------------------------------------------------------------------------------------------------- BioC
def _bioc_row(number: int, doc: Any) -> LiteratureRow:
    """A BioC document as one record whose text keeps every passage at its BioC offset."""
    raw = json.dumps(biocjson.toJSON(doc), sort_keys=True).encode()
    doc_id = (doc.id or "").strip()
    if not doc_id:
        return LiteratureRow(number, raw, error="BioC document without an id")
    pieces: list[tuple[int, str]] = []
    title = ""
    for passage in doc.passages:
        kind = str(passage.infons.get("type") or passage.infons.get("section_type") or "").lower()
        if kind in SKIPPED_PASSAGES or str(passage.infons.get("section_type") or "").lower() in SKIPPED_PASSAGES:
            continue
        if passage.text:
            pieces.append((passage.offset, passage.text))
            if not title and kind in ("title", "front"):
                title = passage.text
        else:
            pieces.extend((s.offset, s.text) for s in passage.sentences if s.text)
    text = ""
    for offset, piece in sorted(pieces, key=lambda p: p[0]):
        if offset < len(text):
            return LiteratureRow(number, raw, doc_id=doc_id,
                                 error=f"BioC passages overlap (offset {offset} inside the previous passage)")
        gap = offset - len(text)
        text += " " if gap == 1 else ("\n" + " " * (gap - 1)) if gap else ""
        text += piece
    row: dict[str, Any] = {"id": doc_id, "text": text, "note_type": "article"}
    if title:
        row["title"] = title
    for key, value in doc.infons.items():
        if key not in row and isinstance(value, str):
            row[key] = value
    return LiteratureRow(number, raw, row=row, doc_id=doc_id)


def read_bioc_xml(path: Path) -> Iterator[LiteratureRow]:
    number = 0
    with _open_binary(path) as fh:
        try:
            with biocxml.iterparse(fh) as reader:
                for doc in reader:
                    number += 1
                    yield _bioc_row(number, doc)
        except etree.XMLSyntaxError as err:
            yield LiteratureRow(number + 1, f"{path}\0syntax\0{err}".encode(),
                                error=f"malformed BioC XML after record {number} ({err.msg}, line {err.lineno}); "
                                      "the rest of the file was not read")


def read_bioc_json(path: Path) -> Iterator[LiteratureRow]:
    try:
        with open(path, encoding="utf-8") as fh:
            obj = json.load(fh)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        yield LiteratureRow(0, f"{path}\0json".encode(), error=f"not BioC JSON ({type(err).__name__})")
        return
    collections = obj if isinstance(obj, list) else [obj]
    number = 0
    for coll in collections:
        if not isinstance(coll, dict) or not isinstance(coll.get("documents"), list):
            yield LiteratureRow(0, f"{path}\0shape".encode(),
                                error="not BioC JSON (expected a collection with 'documents', or a list of them)")
            return
        for raw_doc in coll["documents"]:
            number += 1
            try:
                doc = biocjson.decoder.parse_doc(raw_doc)
            except (KeyError, TypeError, ValueError, AttributeError) as err:
                yield LiteratureRow(number, json.dumps(raw_doc, sort_keys=True, default=str).encode(),
                                    error=f"malformed BioC document ({type(err).__name__}: {err})"[:200])
                continue
            yield _bioc_row(number, doc)


# ---------------------------------------------------------------------------------------------- PubTator
# Documents are bioc's PubTator model, but lines are split and decoded here, not by bioc.pubtator.iterparse: it strips
# every line (a title's trailing space moves every abstract offset), prints and drops lines it cannot parse (no
# quarantine, no record bytes for resume keys) and drops a composite mention's parts column (BC5CDR's 7th field);
# on CDR_TrainingSet (500 abstracts) it takes 38 ms, this reader 25 ms.
_PUBTATOR_TEXT = re.compile(r"^([^|\t]+)\|([ta])\|(.*)$")


@dataclass(frozen=True, slots=True)
class PubtatorBlock:
    """One blank-line-separated block of a PubTator file: a document or the reason it is none.

    Every PubTator consumer (literature input, the evaluations, the training and benchmark scripts) reads through
    :func:`iter_pubtator`, so they agree on what a document, a mention and a relation line are.
    """

    number: int  # 1-based block number in the file
    line: int  # file line of the block's first line, or of its first malformed line
    raw: bytes  # the block's own bytes (a literature record's resume key is made from them)
    doc: PubTator | None = None
    error: str | None = None
    doc_id: str | None = None


def iter_pubtator(path: Path) -> Iterator[PubtatorBlock]:
    """The blocks of a PubTator file, streamed: one block in memory at a time, however large the file.

    Title and abstract lines (``PMID|t|…``, ``PMID|a|…``) are kept byte for byte (the corpus' offsets count every
    character); mention lines (``PMID start end text type ids [parts…]``) become ``PubTatorAnn`` (extra fields in
    ``others``), relation lines (``PMID type id1 id2 [novelty]``) ``PubTatorRel``; any other line makes the block an
    error naming it.
    """
    number = first = 0
    block: list[bytes] = []
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if raw.strip():
                first = first if block else lineno
                block.append(raw)
            elif block:
                number += 1
                yield _pubtator_block(number, first, block)
                block = []
        if block:
            yield _pubtator_block(number + 1, first, block)


def _pubtator_block(number: int, first: int, block: list[bytes]) -> PubtatorBlock:
    raw = b"".join(block)
    try:
        lines = [b.decode("utf-8-sig" if i == 0 else "utf-8").rstrip("\r\n") for i, b in enumerate(block)]
    except UnicodeDecodeError as err:
        return PubtatorBlock(number, first, raw, error=f"not valid UTF-8 (byte {err.start} of a line)")
    doc = PubTator()
    for lineno, line in enumerate(lines, first):
        if m := _PUBTATOR_TEXT.match(line):
            doc.pmid = doc.pmid or m.group(1).strip()
            if m.group(2) == "t":
                doc.title = m.group(3)
            else:
                doc.abstract = m.group(3)
            continue
        toks = line.split("\t")
        if len(toks) >= 6 and toks[1].isdigit() and toks[2].isdigit():
            doc.add_annotation(PubTatorAnn(toks[0], int(toks[1]), int(toks[2]), *toks[3:6], toks[6:]))
        elif len(toks) >= 4 and toks[1] and not toks[1].isdigit():
            doc.add_relation(PubTatorRel(*toks[:4], toks[4] if len(toks) > 4 else None))
        else:
            return PubtatorBlock(number, lineno, raw, doc_id=doc.pmid, error=f"malformed PubTator line {lineno} "
                                 "(neither id|t|, id|a|, a mention nor a relation line)")
    return PubtatorBlock(number, first, raw, doc=doc, doc_id=doc.pmid)


def read_pubtator(path: Path) -> Iterator[LiteratureRow]:
    for block in iter_pubtator(path):
        doc = block.doc
        if doc is None:
            yield LiteratureRow(block.number, block.raw, doc_id=block.doc_id, error=block.error)
        elif doc.pmid is None or doc.title is None:
            yield LiteratureRow(block.number, block.raw, doc_id=doc.pmid,
                                error="PubTator record without an id|t| title line")
        else:
            text = doc.title + (" " + doc.abstract if doc.abstract else "")
            yield LiteratureRow(block.number, block.raw, doc_id=doc.pmid,
                                row={"id": doc.pmid, "text": text, "note_type": "abstract", "title": doc.title})
