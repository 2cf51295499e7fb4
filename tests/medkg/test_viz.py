"""The patient subgraph page and the report plots."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from medkg.kg.errors import InputError
from medkg.plots import plot_segmentation_overlay, plot_training_curve
from medkg.viz import render_subgraph_html

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# A reference the browser would fetch: src/href attributes, CSS url()/@import, to http(s) or protocol-relative.
EXTERNAL_REF = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?\s*|url\(\s*["']?|@import\s+["']?)(?:https?:)?//""",
                          re.IGNORECASE)


def _graph():
    nodes = [
        {"id": "P-1", "label": "Patient", "name": "P-1"},
        {"id": "DOID:2377", "label": "Disease", "name": "multiple sclerosis"},
        {"id": "UMLS:C0032285", "label": "SideEffect", "name": "Pneumonia"},
        {"id": "DB08868", "label": "Compound", "name": "Fingolimod"},
        {"id": "F-1", "label": "Finding", "name": "lesion 1", "volume_mm3": 181.4},
    ]
    edges = [
        {"source": "P-1", "target": "DOID:2377", "type": "MENTIONS", "assertion": "present",
         "evidence": ["Findings are most consistent with multiple sclerosis."]},
        {"source": "P-1", "target": "UMLS:C0032285", "type": "QUALIFIED", "predicate": "MENTIONS",
         "assertion": "negated", "evidence": "CXR: no evidence of pneumonia."},
        {"source": "DB08868", "target": "DOID:2377", "type": "TREATS",
         "evidence": "Started fingolimod 0.5 mg PO daily for multiple sclerosis."},
        {"source": "F-1", "target": "DOID:2377", "type": "SUGGESTS"},
        {"source": "DB08868", "target": "UMLS:C0032285", "type": "PREDICTED_TREATS", "score": 0.25},
    ]
    return nodes, edges


def _page_data(page: str) -> dict:
    match = re.search(r"^const DATA = (.*);$", page, re.MULTILINE)
    assert match, "page carries no graph data"
    return json.loads(match.group(1))


def test_page_is_offline_and_shows_the_graph(tmp_path):
    nodes, edges = _graph()
    out = render_subgraph_html(nodes, edges, tmp_path / "sub" / "p1.html", title="Patient P-1")
    page = out.read_text(encoding="utf-8")
    assert out == tmp_path / "sub" / "p1.html"
    for name in ("multiple sclerosis", "Pneumonia", "Fingolimod", "Patient P-1"):
        assert name in page
    assert "new vis.Network" in page and "vis-network" in page  # the library itself is inlined
    assert not EXTERNAL_REF.search(page), EXTERNAL_REF.search(page).group(0)
    assert "sourceMappingURL" not in page
    assert "<script src" not in page and "<link" not in page


def test_edges_are_styled_by_assertion_and_carry_evidence(tmp_path):
    nodes, edges = _graph()
    data = _page_data(render_subgraph_html(nodes, edges, tmp_path / "p.html", "t").read_text(encoding="utf-8"))
    by_target = {(e["from"], e["to"]): e for e in data["edges"]}
    fact = by_target[("P-1", "DOID:2377")]
    negated = by_target[("P-1", "UMLS:C0032285")]
    predicted = by_target[("DB08868", "UMLS:C0032285")]
    assert (fact["kind"], fact["dashes"]) == ("fact", False)
    assert (negated["kind"], negated["dashes"], negated["label"]) == ("qualified", True, "MENTIONS (negated)")
    assert predicted["kind"] == "predicted" and predicted["label"] == "PREDICTED_TREATS 0.25"
    assert negated["tip"]["quotes"] == ["CXR: no evidence of pneumonia."]
    assert by_target[("DB08868", "DOID:2377")]["tip"]["quotes"] == [
        "Started fingolimod 0.5 mg PO daily for multiple sclerosis."]
    colors = {n["id"]: n["color"] for n in data["nodes"]}
    assert colors["DOID:2377"] != colors["DB08868"]
    assert ["volume_mm3", "181.4"] in next(n for n in data["nodes"] if n["id"] == "F-1")["tip"]["rows"]


def test_a_non_positive_assertion_on_any_edge_is_drawn_as_qualified(tmp_path):
    nodes, edges = _graph()
    edges = [{"source": "DB08868", "target": "DOID:2377", "type": "TREATS", "assertion": "possible"}]
    data = _page_data(render_subgraph_html(nodes, edges, tmp_path / "p.html", "t").read_text(encoding="utf-8"))
    assert data["edges"][0]["kind"] == "qualified" and data["edges"][0]["label"] == "TREATS (possible)"


def test_graph_text_cannot_inject_markup(tmp_path):
    nodes = [{"id": "x", "label": "Disease", "name": "</script><script>alert(1)</script>"}]
    page = render_subgraph_html(nodes, [], tmp_path / "p.html", "<b>title</b>").read_text(encoding="utf-8")
    assert "alert(1)</script>" not in page
    assert "<b>title</b>" not in page and "&lt;b&gt;title&lt;/b&gt;" in page
    assert _page_data(page)["nodes"][0]["tip"]["heading"] == "Disease: </script><script>alert(1)</script>"


@pytest.mark.parametrize("nodes, edges, message", [
    ([], [], "nodes is empty"),
    ([{"id": "a"}], [], "'label'"),
    ([{"id": "a", "label": "Disease"}, {"id": "a", "label": "Disease"}], [], "duplicate node id 'a'"),
    ([{"id": "a", "label": "Disease"}], [{"source": "a", "target": "b", "type": "TREATS"}], "'b'"),
    ([{"id": "a", "label": "Disease"}], [{"source": "a", "target": "a"}], "'type'"),
])
def test_bad_graphs_are_rejected_with_the_culprit_named(tmp_path, nodes, edges, message):
    with pytest.raises(InputError, match=re.escape(message)):
        render_subgraph_html(nodes, edges, tmp_path / "p.html", "t")
    assert not (tmp_path / "p.html").exists()


def test_page_path_must_be_html(tmp_path):
    nodes, edges = _graph()
    with pytest.raises(InputError, match="path"):
        render_subgraph_html(nodes, edges, tmp_path / "p.png", "t")


def test_training_curve_png(tmp_path):
    out = plot_training_curve({"loss": [1.0, 0.7, 0.5], "val_auc": [0.6, 0.7, float("nan")]},
                              tmp_path / "plots" / "curve.png")
    assert out.read_bytes().startswith(PNG_MAGIC) and out.stat().st_size > 5_000


@pytest.mark.parametrize("history", [{}, {"loss": []}, {"loss": ["a", "b"]}, {"loss": [[1, 2], [3, 4]]}])
def test_training_curve_rejects_bad_history(tmp_path, history):
    with pytest.raises(InputError, match="history"):
        plot_training_curve(history, tmp_path / "c.png")


def _volume():
    rng = np.random.default_rng(0)
    image = rng.normal(size=(32, 32, 12)).astype(np.float32)
    mask = np.zeros(image.shape, dtype=np.uint8)
    mask[10:20, 10:20, 7] = 1  # the largest lesion cross-section is on slice 7
    mask[3:5, 3:5, 2] = 2
    return image, mask


def test_segmentation_overlay_png_defaults_to_the_slice_with_most_lesion(tmp_path):
    image, mask = _volume()
    auto = plot_segmentation_overlay(image, mask, tmp_path / "auto.png")
    seven = plot_segmentation_overlay(image, mask, tmp_path / "seven.png", slice_index=7)
    two = plot_segmentation_overlay(image, mask, tmp_path / "two.png", slice_index=2)
    assert auto.read_bytes().startswith(PNG_MAGIC) and auto.stat().st_size > 5_000
    assert auto.read_bytes() == seven.read_bytes() != two.read_bytes()


def test_segmentation_overlay_accepts_2d_and_channel_first(tmp_path):
    image, mask = _volume()
    assert plot_segmentation_overlay(image[..., 7], mask[..., 7], tmp_path / "a.png").stat().st_size > 5_000
    assert plot_segmentation_overlay(image[None], mask[None], tmp_path / "b.png").stat().st_size > 5_000


@pytest.mark.parametrize("kwargs, message", [
    ({"mask": np.zeros((32, 32, 11), np.uint8)}, "does not match"),
    ({"slice_index": 12}, "slice_index"),
    ({"mask": np.full((32, 32, 12), 0.5)}, "integer labels"),
    ({"image": np.zeros((2, 3, 4, 5)), "mask": np.zeros((2, 3, 4, 5), np.uint8)}, "2D or 3D"),
])
def test_segmentation_overlay_rejects_bad_input(tmp_path, kwargs, message):
    image, mask = _volume()
    args = {"image": image, "mask": mask, **kwargs}
    with pytest.raises(InputError, match=message):
        plot_segmentation_overlay(args.pop("image"), args.pop("mask"), tmp_path / "o.png", **args)
