"""Owner-only files: the graph's home, its database files and logs, and what the ``medkg`` command writes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from medkg.kg.files import open_private, private_dir


def _loose(root: Path) -> dict[str, str]:
    """Files and folders under ``root`` that anyone but the owner may read, write or enter."""
    out = {}
    for p in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(p.lstat().st_mode)
        if not p.is_symlink() and mode & 0o077:
            out[str(p.relative_to(root))] = oct(mode)
    return out


def test_open_private_and_private_dir_ignore_a_permissive_umask(tmp_path):
    old = os.umask(0o022)
    try:
        d = private_dir(tmp_path / "a" / "b")
        with open_private(d / "f.txt", "w") as fh:
            fh.write("x")
        loose = tmp_path / "loose.txt"
        loose.write_text("y")
        loose.chmod(0o644)
        with open_private(loose, "a") as fh:  # an existing file is tightened too
            fh.write("z")
    finally:
        os.umask(old)
    assert _loose(tmp_path / "a") == {}
    assert stat.S_IMODE(loose.stat().st_mode) == 0o600 and loose.read_text() == "yz"


def test_the_embedded_store_home_is_owner_only(graph_store, embedded_home):
    from tests.kg.test_store import treats

    graph_store.add_triples([treats("d1", 0)])  # database files, WAL and logs exist now
    files = [p for p in (embedded_home / "arcadedb").rglob("*") if p.is_file()]
    assert any("databases" in p.parts for p in files) and (embedded_home / "arcadedb" / "server.log").exists()
    assert _loose(embedded_home) == {}


def test_the_medkg_command_writes_owner_only_files(tmp_path):
    notes = tmp_path / "in.jsonl"
    notes.write_text('{"id": "n1", "patient_id": "00123456", "text": "Mr. John Smith has pneumonia."}\n')
    out = tmp_path / "out" / "deid.jsonl"
    env = {**os.environ, "MEDKG_HOME": str(tmp_path / "home")}
    code = "import sys; from medkg.cli import main; sys.argv = sys.argv[1:]; main()"
    subprocess.run([sys.executable, "-c", code, "medkg", "nlp", "deid", str(notes), "--out", str(out), "--no-model"],
                   check=True, env=env, preexec_fn=lambda: os.umask(0o022), capture_output=True)
    assert out.exists() and "Smith" not in out.read_text()
    assert _loose(tmp_path / "out") == {}


def test_patient_outputs_of_the_python_api_are_owner_only(tmp_path):
    """Outputs that show a patient (subgraph page, overlay plot, mask) are 0600 whatever the caller's umask."""
    import numpy as np

    from medkg.imaging.io import load_image, save_mask, save_nifti
    from medkg.viz import render_subgraph_html

    old = os.umask(0o022)
    try:
        page = render_subgraph_html([{"label": "Patient", "id": "P-1", "name": "P-1"}], [], tmp_path / "p.html")
        scan = load_image(save_nifti(np.zeros((4, 4, 4)), np.eye(4), tmp_path / "s.nii.gz"), dims=3)
        mask = save_mask(np.zeros((4, 4, 4), np.uint8), scan, tmp_path / "m.nii.gz")
    finally:
        os.umask(old)
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in (page, mask)} == {"p.html": "0o600",
                                                                                   "m.nii.gz": "0o600"}
