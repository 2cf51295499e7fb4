"""One settings object: resolved from the environment, secrets masked, clear errors, and the only reader of it."""

import ast
from pathlib import Path

import pytest
from typer.testing import CliRunner

from medkg.cli import app
from medkg.kg.errors import InputError
from medkg.kg.settings import MedkgSettings, get_settings
from medkg.kg.store import resolve_backend

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("kg", "nlp", "gnn", "imaging", "medkg")


def test_defaults_and_environment(monkeypatch, tmp_path):
    for name in ("MEDKG_STORE", "MEDKG_NER_RUNTIME", "MEDKG_MAX_VOXELS", "MEDKG_CACHE_DIR", "NEO4J_USER",
                 "NEO4J_USERNAME"):
        monkeypatch.delenv(name, raising=False)
    assert get_settings().store == "embedded" and get_settings().ner_runtime == "auto"
    assert get_settings().neo4j_user == "neo4j" and get_settings().max_voxels is None

    monkeypatch.setenv("MEDKG_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MEDKG_STORE", " Neo4j ")
    monkeypatch.setenv("MEDKG_MAX_VOXELS", "1_000_000")
    monkeypatch.setenv("NEO4J_USERNAME", "writer")  # the name Neo4j's own tools use
    settings = get_settings()
    assert settings.home == tmp_path / "home" and settings.resolved_cache_dir == tmp_path / "home" / "cache"
    assert (settings.store, settings.max_voxels, settings.neo4j_user) == ("neo4j", 1_000_000, "writer")
    assert get_settings() is settings  # resolved once while the environment stays the same


def test_secrets_are_masked_and_may_come_from_a_file(monkeypatch, tmp_path):
    secret_file = tmp_path / "neo4j-password"
    secret_file.write_text("from-a-mounted-secret\n")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.setenv("NEO4J_PASSWORD_FILE", str(secret_file))
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:7687")
    monkeypatch.setenv("MEDKG_PSEUDONYM_KEY", "a-pseudonym-key-of-some-length")
    settings = get_settings()
    assert settings.neo4j_password.get_secret_value() == "from-a-mounted-secret"
    shown = repr(settings) + str(settings.described())
    assert "from-a-mounted-secret" not in shown and "a-pseudonym-key-of-some-length" not in shown
    backend = resolve_backend("neo4j")
    assert backend.auth == (settings.neo4j_user, "from-a-mounted-secret")


def test_arguments_win_over_settings(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://from-the-environment:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "pw")
    assert resolve_backend("neo4j", uri="bolt://given:7687").uri == "bolt://given:7687"
    settings = MedkgSettings(neo4j_uri="bolt://passed-down:7687", neo4j_password="pw")
    assert resolve_backend("neo4j", settings=settings).uri == "bolt://passed-down:7687"


@pytest.mark.parametrize(("name", "value", "message"), [
    ("MEDKG_STORE", "postgres", "MEDKG_STORE: Input should be 'embedded' or 'neo4j'"),
    ("MEDKG_NER_RUNTIME", "tensorrt",
     "MEDKG_NER_RUNTIME: Input should be 'auto', 'onnxruntime', 'onnxruntime-int8' or 'torch'"),
    ("MEDKG_MAX_VOXELS", "-5", "MEDKG_MAX_VOXELS: Input should be greater than 0"),
    ("MEDKG_JVM_HEAP", "lots", "MEDKG_JVM_HEAP: String should match pattern"),
    ("NEO4J_PASSWORD_FILE", "/nonexistent/medkg-secret", "NEO4J_PASSWORD_FILE: cannot read"),
])
def test_an_invalid_value_is_one_clear_error_naming_the_variable(monkeypatch, name, value, message):
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.setenv(name, value)
    with pytest.raises(InputError, match=message):
        get_settings()


def test_config_show_prints_resolved_values_with_secrets_masked(monkeypatch, tmp_path):
    monkeypatch.setenv("MEDKG_HOME", str(tmp_path))
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-value")
    monkeypatch.setenv("NEO4J_URI", "neo4j://writer:uri-s3cret@db.example:7687")
    result = CliRunner().invoke(app, ["config", "show"])
    assert result.exit_code == 0, result.output
    assert "s3cret" not in result.output and "********" in result.output and "db.example" in result.output
    assert str(tmp_path) in result.output and "environment (MEDKG_HOME)" in result.output
    assert "NEO4J_USER | NEO4J_USERNAME" in result.output


def _environment_uses(path: Path) -> list[int]:
    """Lines of ``path`` that touch ``os.environ``/``os.getenv``/``os.putenv`` or give a CLI option an envvar."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv", "putenv", "unsetenv"}:
            lines.append(node.lineno)
        elif isinstance(node, ast.keyword) and node.arg in {"envvar", "auto_envvar_prefix"}:
            lines.append(node.value.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module == "os" and any(
                alias.name in {"environ", "getenv", "putenv"} for alias in node.names):
            lines.append(node.lineno)
    return lines


def test_only_the_settings_module_reads_or_writes_the_environment():
    offenders = [f"{path.relative_to(ROOT)}:{line}" for package in PACKAGES
                 for path in sorted((ROOT / package).rglob("*.py"))
                 if path != ROOT / "kg" / "settings.py" for line in _environment_uses(path)]
    assert offenders == []
