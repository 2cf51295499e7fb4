"""A self-contained HTML page of a small subgraph (e.g. everything around one patient).

The page embeds the vis-network library (9.1.2, MIT; its two files are kept in ``kg/data/vis-network/`` with their
licence), so it opens offline: no CDN, no network request, one file to attach or archive. pyvis was not used: its
page template always links Bootstrap from a CDN and renders string tooltips as plain one-line text, and it pulls
IPython and Jinja into the install for two static files; ours builds tooltips as DOM text nodes (evidence
sentences wrap, and no graph property is ever interpreted as HTML).

Input is plain dicts, as returned by :meth:`medkg.kg.store.GraphStore.query`::

    nodes: {"id", "label", "name"?, ...props}
    edges: {"source", "target", "type", ...props}

Edge props with special meaning: ``evidence`` (a sentence or a list of sentences shown in the tooltip),
``assertion`` and ``predicate`` (a ``QUALIFIED`` edge, or any edge whose assertion is not positive, is drawn
dashed and grey and labelled with its predicate and assertion), ``score`` (shown on ``PREDICTED_*`` edges).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from medkg.kg.errors import InputError, MedkgError
from medkg.kg.files import write_private_text
from medkg.kg.schema import POSITIVE_ASSERTIONS, NodeLabel, RelType

#: Fill colour per node label (colour-blind-friendly Tableau 10 order, most frequent labels first).
LABEL_COLORS: dict[str, str] = {
    NodeLabel.PATIENT.value: "#e15759",
    NodeLabel.DISEASE.value: "#4e79a7",
    NodeLabel.COMPOUND.value: "#59a14f",
    NodeLabel.SYMPTOM.value: "#f28e2b",
    NodeLabel.SIDE_EFFECT.value: "#edc948",
    NodeLabel.DOCUMENT.value: "#bab0ac",
    NodeLabel.IMAGING_STUDY.value: "#76b7b2",
    NodeLabel.FINDING.value: "#b07aa1",
    NodeLabel.ANATOMY.value: "#ff9da7",
    NodeLabel.PROCEDURE.value: "#9c755f",
    NodeLabel.GENE.value: "#86bcb6",
    NodeLabel.PATHWAY.value: "#d4a6c8",
    NodeLabel.PHARMACOLOGIC_CLASS.value: "#8cd17d",
    NodeLabel.EVIDENCE.value: "#d7d7d7",
}
_OTHER_COLOR = "#999999"
_SHAPES = {NodeLabel.PATIENT.value: "star", NodeLabel.DOCUMENT.value: "box", NodeLabel.FINDING.value: "diamond",
           NodeLabel.IMAGING_STUDY.value: "square"}
_FACT_EDGE = "#555555"
_QUALIFIED_EDGE = "#b0b0b0"
_PREDICTED_EDGE = "#d37295"
_POSITIVE = {a.value for a in POSITIVE_ASSERTIONS}
_PREDICTED = {RelType.PREDICTED_TREATS.value, RelType.PREDICTED_PRESENTS.value}
_MAX_VALUE_CHARS = 300  # longer property values are cut in tooltips
_MAX_EVIDENCE = 5  # sentences shown per edge tooltip


def render_subgraph_html(nodes: Sequence[Mapping[str, Any]], edges: Sequence[Mapping[str, Any]],
                         path: str | Path, title: str = "medkg subgraph") -> Path:
    """Write an offline HTML page drawing ``nodes`` and ``edges``; return its path.

    Nodes are coloured by label, edges labelled by type; non-asserted edges are dashed grey. Hovering (or
    clicking) a node or edge shows its properties and evidence sentences. Duplicate node ids are an error, as is
    an edge whose endpoint is not among ``nodes``. The whole graph fits the window once the layout settles;
    with more than about 60 nodes labels only appear on zooming in, so pass a patient's neighbourhood, not the
    graph.
    """
    if not isinstance(title, str) or not title.strip():
        raise InputError(f"title must be a non-empty string, got {title!r}")
    vis_nodes = _vis_nodes(nodes)
    vis_edges = _vis_edges(edges, {n["id"]: n["name"] for n in vis_nodes})
    path = Path(path)
    if path.suffix.lower() not in (".html", ".htm"):
        raise InputError(f"path must end in .html, got {str(path)!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    labels = sorted({n["group"] for n in vis_nodes})
    page = _PAGE.format(
        title=html.escape(title),
        vis_css=_vis_asset("vis-network.css"),
        vis_js=_vis_asset("vis-network.min.js"),
        data=_script_json({"nodes": vis_nodes, "edges": vis_edges,
                           "legend": [[lab, LABEL_COLORS.get(lab, _OTHER_COLOR)] for lab in labels],
                           "edgeColors": {"fact": _FACT_EDGE, "qualified": _QUALIFIED_EDGE,
                                          "predicted": _PREDICTED_EDGE}}),
        summary=html.escape(f"{len(vis_nodes)} nodes, {len(vis_edges)} edges"),
    )
    write_private_text(path, page)  # a patient's subgraph with its evidence sentences: owner-only
    return path


def _vis_nodes(nodes: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    if isinstance(nodes, (str, bytes)) or not isinstance(nodes, Iterable):
        raise InputError(f"nodes must be a list of dicts, got {type(nodes).__name__}")
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, node in enumerate(nodes):
        if not isinstance(node, Mapping):
            raise InputError(f"nodes[{i}] must be a dict, got {type(node).__name__}")
        for key in ("id", "label"):
            if node.get(key) in (None, ""):
                raise InputError(f"nodes[{i}] has no {key!r}: {dict(node)!r}")
        nid, label = str(node["id"]), str(node["label"])
        if nid in seen:
            raise InputError(f"nodes[{i}]: duplicate node id {nid!r}")
        seen.add(nid)
        name = str(node.get("name") or nid)
        props = [(k, v) for k, v in node.items() if k not in ("label", "name")]
        out.append({
            "id": nid, "name": name, "group": label, "label": _short(name, 40),
            "shape": _SHAPES.get(label, "dot"), "color": LABEL_COLORS.get(label, _OTHER_COLOR),
            "size": 22 if label == NodeLabel.PATIENT.value else 14,
            "tip": {"heading": f"{label}: {name}", "rows": _rows(props), "quotes": []},
        })
    if not out:
        raise InputError("nodes is empty: nothing to draw")
    return out


def _vis_edges(edges: Sequence[Mapping[str, Any]], names: Mapping[str, str]) -> list[dict[str, Any]]:
    if isinstance(edges, (str, bytes)) or not isinstance(edges, Iterable):
        raise InputError(f"edges must be a list of dicts, got {type(edges).__name__}")
    out: list[dict[str, Any]] = []
    for i, edge in enumerate(edges):
        if not isinstance(edge, Mapping):
            raise InputError(f"edges[{i}] must be a dict, got {type(edge).__name__}")
        for key in ("source", "target", "type"):
            if edge.get(key) in (None, ""):
                raise InputError(f"edges[{i}] has no {key!r}: {dict(edge)!r}")
        src, dst, rel = str(edge["source"]), str(edge["target"]), str(edge["type"])
        for end in (src, dst):
            if end not in names:
                raise InputError(f"edges[{i}] ({rel}) refers to node {end!r}, which is not in nodes")
        assertion = edge.get("assertion")
        qualified = rel == RelType.QUALIFIED.value or (assertion is not None and str(assertion) not in _POSITIVE)
        predicted = rel in _PREDICTED
        text = rel
        if qualified:
            text = f"{edge.get('predicate') or rel} ({assertion or 'qualified'})"
        elif predicted and isinstance(edge.get("score"), (int, float)):
            text = f"{rel} {edge['score']:.2f}"
        kind = "qualified" if qualified else "predicted" if predicted else "fact"
        quotes = _evidence(edge.get("evidence"))
        props = [(k, v) for k, v in edge.items() if k not in ("source", "target", "type", "evidence")]
        out.append({
            "from": src, "to": dst, "label": text, "kind": kind,
            "dashes": kind != "fact", "arrows": "to",
            "tip": {"heading": f"{rel}: {names[src]} \u2192 {names[dst]}", "rows": _rows(props),
                    "quotes": quotes[:_MAX_EVIDENCE], "more": max(0, len(quotes) - _MAX_EVIDENCE)},
        })
    return out


def _evidence(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Iterable):
        raise InputError(f"edge evidence must be a sentence or a list of sentences, got {type(value).__name__}")
    return [_short(" ".join(str(s).split()), _MAX_VALUE_CHARS) for s in value if s]


def _rows(props: Iterable[tuple[str, Any]]) -> list[list[str]]:
    rows = []
    for key, value in props:
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, float):
            text = f"{value:.4g}"
        elif isinstance(value, (list, tuple)):
            text = ", ".join(map(str, value))
        else:
            text = str(value)
        rows.append([str(key), _short(text, _MAX_VALUE_CHARS)])
    return rows


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _vis_asset(name: str) -> str:
    """Text of one of the vis-network files shipped in ``medkg/data/vis-network/``."""
    path = resources.files("medkg") / "data" / "vis-network" / name
    if not path.is_file():
        raise MedkgError(f"the vis-network file {name} is missing from medkg/data/vis-network; reinstall medkg")
    text = path.read_text(encoding="utf-8")
    # Drop the (remote) source-map hint: the page must not point anywhere outside itself.
    return re.sub(r"/[/*][#@] sourceMappingURL=\S+", "", text).replace("</script", "<\\/script")


def _script_json(value: Any) -> str:
    """JSON safe to embed in a ``<script>`` element (no ``</script>``, no raw U+2028/2029)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; \
style-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{vis_css}</style>
<style>
  html, body {{ margin: 0; height: 100%; font: 14px/1.4 system-ui, sans-serif; color: #222; }}
  header {{ padding: 8px 16px; border-bottom: 1px solid #ddd; display: flex; gap: 24px; align-items: baseline; }}
  header h1 {{ font-size: 18px; margin: 0; }}
  #summary {{ color: #666; }}
  #main {{ display: flex; height: calc(100% - 46px); }}
  #graph {{ flex: 1; }}
  aside {{ width: 300px; border-left: 1px solid #ddd; padding: 8px 12px; overflow-y: auto; font-size: 13px; }}
  aside h2 {{ font-size: 14px; margin: 8px 0 4px; }}
  .sw {{ display: inline-block; width: 12px; height: 12px; border-radius: 6px; margin-right: 6px;
         vertical-align: -1px; }}
  .ln {{ display: inline-block; width: 28px; margin-right: 6px; vertical-align: 3px; border-top: 2px solid; }}
  .tip {{ max-width: 420px; white-space: normal; font-size: 12px; }}
  .tip b {{ display: block; margin-bottom: 4px; }}
  .tip table {{ border-collapse: collapse; }}
  .tip td {{ padding: 0 6px 0 0; vertical-align: top; }}
  .tip td:first-child {{ color: #666; }}
  .tip blockquote {{ margin: 4px 0; padding-left: 6px; border-left: 3px solid #ccc; font-style: italic; }}
  div.vis-tooltip {{ white-space: normal; }}
</style>
</head>
<body>
<header><h1>{title}</h1><span id="summary">{summary}</span></header>
<div id="main">
  <div id="graph"></div>
  <aside>
    <h2>Node labels</h2><div id="legend"></div>
    <h2>Edges</h2>
    <div><span class="ln" id="ln-fact"></span>asserted fact</div>
    <div><span class="ln" id="ln-qualified" style="border-top-style: dashed"></span>negated / possible /
      family / hypothetical</div>
    <div><span class="ln" id="ln-predicted" style="border-top-style: dashed"></span>predicted (score)</div>
    <h2>Selection</h2><div id="details">Hover or click a node or an edge.</div>
  </aside>
</div>
<script>{vis_js}</script>
<script>
"use strict";
const DATA = {data};

function el(tag, cls, text) {{
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}}

function tipElement(tip) {{
  const box = el("div", "tip");
  box.appendChild(el("b", null, tip.heading));
  if (tip.rows.length) {{
    const table = el("table");
    for (const [k, v] of tip.rows) {{
      const tr = el("tr");
      tr.appendChild(el("td", null, k));
      tr.appendChild(el("td", null, v));
      table.appendChild(tr);
    }}
    box.appendChild(table);
  }}
  for (const q of tip.quotes) box.appendChild(el("blockquote", null, "\\u201c" + q + "\\u201d"));
  if (tip.more) box.appendChild(el("div", null, "\\u2026 and " + tip.more + " more sentence(s)"));
  return box;
}}

const nodes = new vis.DataSet(DATA.nodes.map(n => ({{
  id: n.id, label: n.label, group: n.group, shape: n.shape, size: n.size, title: tipElement(n.tip),
  color: {{ background: n.color, border: "#444", highlight: {{ background: n.color, border: "#000" }} }},
  // Labels inside boxes need no halo; labels under dots do, so crossing edges do not hide them.
  font: {{ size: 14, strokeWidth: n.shape === "box" ? 0 : 3, strokeColor: "#fff" }}, tip: n.tip,
}})));
const edges = new vis.DataSet(DATA.edges.map((e, i) => ({{
  id: i, from: e.from, to: e.to, label: e.label, arrows: e.arrows, dashes: e.dashes,
  title: tipElement(e.tip), tip: e.tip,
  color: {{ color: DATA.edgeColors[e.kind], highlight: "#000" }},
  font: {{ size: 11, color: e.kind === "qualified" ? "#888" : "#333", strokeWidth: 3, strokeColor: "#fff",
           align: "middle" }},
  width: e.kind === "fact" ? 1.6 : 1.2,
}})));

const legend = document.getElementById("legend");
for (const [label, color] of DATA.legend) {{
  const row = el("div");
  const sw = el("span", "sw");
  sw.style.background = color;
  row.appendChild(sw);
  row.appendChild(document.createTextNode(label));
  legend.appendChild(row);
}}
for (const kind of ["fact", "qualified", "predicted"])
  document.getElementById("ln-" + kind).style.borderTopColor = DATA.edgeColors[kind];

const network = new vis.Network(document.getElementById("graph"), {{ nodes, edges }}, {{
  layout: {{ randomSeed: 7, improvedLayout: DATA.nodes.length <= 150 }},
  physics: {{
    solver: "forceAtlas2Based",
    forceAtlas2Based: {{ gravitationalConstant: -60, springLength: 120, springConstant: 0.06, avoidOverlap: 0.4 }},
    stabilization: {{ enabled: true, iterations: 400, updateInterval: 50, fit: true }},
  }},
  edges: {{ smooth: {{ type: "dynamic" }} }},
  interaction: {{ hover: true, tooltipDelay: 150, navigationButtons: false }},
}});
// Freeze the layout once it has settled, so the page is still (and a screenshot shows the final layout).
network.once("stabilizationIterationsDone", () => {{
  network.setOptions({{ physics: false }});
  network.fit();
}});

const details = document.getElementById("details");
function show(tip) {{ details.replaceChildren(tipElement(tip)); }}
network.on("click", p => {{
  if (p.nodes.length) show(nodes.get(p.nodes[0]).tip);
  else if (p.edges.length) show(edges.get(p.edges[0]).tip);
}});
network.on("hoverNode", p => show(nodes.get(p.node).tip));
network.on("hoverEdge", p => show(edges.get(p.edge).tip));
</script>
</body>
</html>
"""
