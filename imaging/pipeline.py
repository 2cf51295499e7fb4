"""Segment one scan end to end: read, predict, save the mask in the scan's geometry, extract findings, and
optionally write ``(:Patient)-[:HAS_STUDY]->(:ImagingStudy)-[:HAS_FINDING]->(:Finding)`` into the graph.

Identifiers are pseudonymized by default through the graph's one service (:mod:`medkg.kg.pseudonym`), whether they come
from ``--patient``/``--study``/``--date`` or from the DICOM header: the patient gets the same ``P-…`` id as in
that patient's notes, the study uid becomes ``S-…`` and the date moves by the patient's shift, so no raw MRN,
study UID or date reaches the findings, the graph or the printed result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from medkg.imaging.findings import DEFAULT_CONCEPTS, extract_findings
from medkg.imaging.io import content_uid, load_image, save_mask
from medkg.imaging.model import load_model, predict_probabilities, probabilities_to_mask
from medkg.kg.errors import InputError
from medkg.kg.models import Finding, ImagingStudy, Patient
from medkg.kg.pseudonym import Pseudonymizer
from medkg.kg.store import connect


@dataclass
class SegmentResult:
    image: Path
    mask: Path
    study: ImagingStudy | None
    study_uid: str
    findings: list[Finding]
    model: str
    model_version: str
    written_to_graph: bool = False

    def to_dict(self) -> dict:
        return {"image": str(self.image), "mask": str(self.mask), "study_uid": self.study_uid,
                "patient_id": self.study.patient_id if self.study else None, "model": self.model,
                "model_version": self.model_version, "written_to_graph": self.written_to_graph,
                "findings": [f.model_dump(mode="json") for f in self.findings]}


def segment(image: str | Path, model_dir: str | Path, out: str | Path, *, patient_id: str | None = None,
            study_uid: str | None = None, modality: str | None = None, study_date: Date | None = None,
            graph: bool = False, store=None, device: str | None = None, min_voxels: int = 10,
            spacing_2d: tuple[float, float] | None = None, deid: bool = True,
            pseudonymizer: Pseudonymizer | None = None) -> SegmentResult:
    """Segment ``image`` with the model in ``model_dir`` and write the mask to ``out``.

    The study uid is, in order: ``study_uid``, the DICOM StudyInstanceUID, or a hash of the file (so the same
    file is the same study). With ``deid`` (the default) patient id, study uid and date are pseudonymized (see
    the module docstring; ``pseudonymizer`` defaults to the configured key). With ``graph`` the study and its
    findings go to ``store`` (or a new :func:`medkg.kg.store.connect`); re-segmenting a study replaces its findings.
    Components under ``min_voxels`` are dropped as noise.
    """
    net, cfg = load_model(model_dir, device)
    scan = load_image(image, dims=cfg.dims, spacing_2d=spacing_2d, color=cfg.color)
    probs = predict_probabilities(net, cfg, scan.array, device, spacing=scan.spacing)
    mask = probabilities_to_mask(probs, cfg.threshold)
    mask_path = save_mask(mask, scan, out)
    pid, uid, when = (patient_id or scan.patient_id, study_uid or scan.study_uid or content_uid(scan.path),
                      study_date or scan.date)
    if deid:
        pid, uid, when = protect_study(pseudonymizer or Pseudonymizer(), pid, uid, when)
    concepts = {**DEFAULT_CONCEPTS, **cfg.concepts}
    findings = extract_findings(mask, scan.spacing, scan.affine, study_uid=uid, label_names=cfg.label_names,
                                model=cfg.name, model_version=cfg.version, probabilities=probs,
                                concepts=concepts, min_voxels=min_voxels)
    study = None
    if pid:
        study = ImagingStudy(uid=uid, patient_id=pid, modality=modality or scan.modality, date=when)
    result = SegmentResult(scan.path, mask_path, study, uid, findings, cfg.name, cfg.version)
    if graph:
        if study is None:
            raise InputError("graph=True needs a patient id (--patient), and the image carries none")
        write_study(study, findings, store=store)
        result.written_to_graph = True
    return result


def protect_study(pseudo: Pseudonymizer, patient_id: str | None, study_uid: str,
                  when: Date | None) -> tuple[str | None, str, Date | None]:
    """Patient pseudonym, study pseudonym and shifted date (ids that already are pseudonyms stay as they are).

    A date without a patient cannot be shifted consistently with that patient's notes, so it is dropped.
    """
    pid = patient_id if patient_id is None or pseudo.is_pseudonym(patient_id) else pseudo.patient(patient_id)
    uid = study_uid if pseudo.is_pseudonym(study_uid) else pseudo.study(study_uid)
    return pid, uid, pseudo.shift_date(when, pid) if when is not None and pid is not None else None


def write_study(study: ImagingStudy, findings: list[Finding], store=None) -> None:
    """Add the study and its findings to the graph (idempotent: the store replaces the study's findings)."""
    patient = Patient(id=study.patient_id)
    if store is not None:
        store.add_imaging_study(patient, study, findings)
        return
    with connect() as st:
        st.add_imaging_study(patient, study, findings)
