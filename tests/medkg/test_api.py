"""``import medkg``: the public entry points, resolved on first use so the console command starts fast."""

import os
import subprocess
import sys

import pytest

import medkg
from medkg.kg import ingest, store
from medkg.nlp import extract, spacy_components


def test_entry_points_are_the_layers_own_functions():
    assert medkg.connect is store.connect
    assert medkg.query is store.query
    assert medkg.ingest is ingest.ingest
    assert medkg.extract is extract.extract
    assert medkg.load is spacy_components.load
    assert set(medkg.__all__) <= set(dir(medkg))


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        medkg.nope  # noqa: B018


def test_the_console_command_imports_no_model_library():
    code = "import sys, medkg, medkg.cli; print(sorted({'torch', 'spacy', 'transformers', 'monai'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_folders_are_not_installed_under_their_own_names():
    code = "import importlib.util as u; print([n for n in ('kg', 'nlp', 'gnn', 'imaging') if u.find_spec(n)])"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # as a user's process, outside a checkout
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/",
                         env=env).stdout
    assert out.strip() == "[]"
