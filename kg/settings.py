"""medkg's settings: one object, resolved from the environment (``MEDKG_…``, plus the ``NEO4J_…`` names the Neo4j
tools use) and passed down; the only module that reads or writes ``os.environ``.

    from medkg.kg.settings import get_settings
    settings = get_settings()            # resolved once per process (again only if the environment changes)
    settings.home, settings.store, settings.neo4j_password  # a SecretStr: printed masked

Secrets (the Neo4j passwords and the pseudonym key) are :class:`~pydantic.SecretStr`, so they never appear in a
``repr``, a log line or ``medkg config show``. A password may also come from a file (``NEO4J_PASSWORD_FILE``), the
way container secrets and secret managers mount it. An invalid value is one :class:`~medkg.kg.errors.InputError`
naming the variable and what it accepts.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import AliasChoices, Field, PositiveInt, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from medkg.kg.errors import InputError

Store = Literal["embedded", "neo4j"]
Runtime = Literal["auto", "onnxruntime", "onnxruntime-int8", "torch"]
STORES: tuple[str, ...] = get_args(Store)
RUNTIMES: tuple[str, ...] = get_args(Runtime)
PSEUDONYM_KEY_FILE_NAME = "pseudonym.key"

#: Set for every medkg process: models and data are shipped with the package, nothing is fetched at run time.
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
#: secret -> the setting naming a file that holds it (read when the secret itself is not set)
_SECRET_FILES = {"neo4j_password": "neo4j_password_file", "neo4j_read_password": "neo4j_read_password_file"}
_env = AliasChoices


class MedkgSettings(BaseSettings):
    """Every setting medkg reads from the environment, with its variable name(s) and default."""

    model_config = SettingsConfigDict(env_prefix="MEDKG_", case_sensitive=True, extra="ignore", frozen=True,
                                      populate_by_name=True)

    home: Path = Field(default_factory=lambda: Path.home() / ".medkg", validation_alias=_env("MEDKG_HOME"),
                       description="the embedded graph's database, its server log and the rebuildable cache")
    store: Store = Field("embedded", validation_alias=_env("MEDKG_STORE"),
                                                description="the graph store used when a command names none")
    jvm_heap: str = Field("4g", pattern=r"^\d+[kKmMgG]?$", validation_alias=_env("MEDKG_JVM_HEAP"),
                          description="Java heap of the embedded ArcadeDB server")
    cache_dir: Path | None = Field(None, validation_alias=_env("MEDKG_CACHE_DIR"),
                                   description="derived files (ONNX exports); default HOME/cache")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = Field(
        "WARNING", validation_alias=_env("MEDKG_LOG_LEVEL"), description="level of the console command's log")
    ner_runtime: Runtime = Field(
        "auto", validation_alias=_env("MEDKG_NER_RUNTIME"), description="runtime of the NER model's forward pass")
    re_runtime: Runtime = Field(
        "auto", validation_alias=_env("MEDKG_RE_RUNTIME"), description="runtime of the relation model's forward pass")
    max_voxels: PositiveInt | None = Field(None, validation_alias=_env("MEDKG_MAX_VOXELS"),
                                           description="largest image read, in voxels; default imaging's own limit")
    pseudonym_key: SecretStr | None = Field(None, validation_alias=_env("MEDKG_PSEUDONYM_KEY"),
                                            description="the pseudonymization secret itself (e.g. from a secrets "
                                                        "manager); wins over the key file")
    pseudonym_key_file: Path | None = Field(None, validation_alias=_env("MEDKG_PSEUDONYM_KEY_FILE"),
                                            description="the pseudonymization key file; default "
                                                        "XDG_CONFIG_HOME/medkg/pseudonym.key")
    xdg_config_home: Path | None = Field(None, validation_alias=_env("XDG_CONFIG_HOME"),
                                         description="where the default key file lives; default ~/.config")
    neo4j_uri: str | None = Field(None, validation_alias=_env("NEO4J_URI"), description="the Neo4j server")
    neo4j_user: str = Field("neo4j", validation_alias=_env("NEO4J_USER", "NEO4J_USERNAME"),
                            description="the Neo4j user that writes")
    neo4j_password: SecretStr | None = Field(None, validation_alias=_env("NEO4J_PASSWORD"),
                                             description="its password")
    neo4j_password_file: Path | None = Field(None, validation_alias=_env("NEO4J_PASSWORD_FILE"),
                                             description="a file holding that password")
    neo4j_read_user: str | None = Field(None, validation_alias=_env("NEO4J_READ_USER"),
                                        description="a read-only Neo4j user for medkg query")
    neo4j_read_password: SecretStr | None = Field(None, validation_alias=_env("NEO4J_READ_PASSWORD"),
                                                  description="its password")
    neo4j_read_password_file: Path | None = Field(None, validation_alias=_env("NEO4J_READ_PASSWORD_FILE"),
                                                  description="a file holding that password")
    neo4j_database: str | None = Field(None, validation_alias=_env("NEO4J_DATABASE"),
                                       description="the Neo4j database; default the server's default")

    @field_validator("home", "cache_dir", "pseudonym_key_file", "xdg_config_home", "neo4j_password_file",
                     "neo4j_read_password_file", mode="after")
    @classmethod
    def _expand(cls, path: Path | None) -> Path | None:
        return path.expanduser() if path is not None else None

    @field_validator("max_voxels", mode="before")
    @classmethod
    def _digit_groups(cls, value: Any) -> Any:
        return value.strip().replace("_", "") if isinstance(value, str) else value

    @field_validator("store", "ner_runtime", "re_runtime", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _secret_files(self) -> MedkgSettings:
        for secret, path in _SECRET_FILES.items():
            file = getattr(self, path)
            if getattr(self, secret) is None and file is not None:
                try:
                    value = file.read_text().strip()
                except OSError as err:
                    raise ValueError(f"{_names(path)[0]}: cannot read {file}: {err.strerror}") from None
                object.__setattr__(self, secret, SecretStr(value))
        return self

    @property
    def resolved_cache_dir(self) -> Path:
        """Where derived files that can always be rebuilt go."""
        return self.cache_dir or self.home / "cache"

    @property
    def default_key_file(self) -> Path:
        """The pseudonym key file: ``MEDKG_PSEUDONYM_KEY_FILE``, else ``$XDG_CONFIG_HOME/medkg/pseudonym.key``."""
        config = self.xdg_config_home or Path.home() / ".config"
        return self.pseudonym_key_file or config / "medkg" / PSEUDONYM_KEY_FILE_NAME

    def described(self) -> list[tuple[str, str, str, str]]:
        """``(setting, variable, value, source)`` rows; secrets masked, the source "environment" or "default"."""
        rows = []
        derived = {"cache_dir": self.resolved_cache_dir, "pseudonym_key_file": self.default_key_file}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if value is None and name in derived:
                value = derived[name]
            shown = ("********" if value.get_secret_value() else "(empty)") if isinstance(value, SecretStr) else (
                "(unset)" if value is None else str(value))
            if name == "neo4j_uri" and value is not None:
                shown = re.sub(r"(?<=://)[^/@]*@", "***@", shown)  # credentials written into the URI
            names = _names(name)
            source = next((f"environment ({n})" for n in names if n in os.environ), "default")
            if name in _SECRET_FILES and source == "default" and value is not None:
                source = f"file ({_names(_SECRET_FILES[name])[0]})"
            rows.append((name, " | ".join(names), shown, source))
        return rows


def _names(field: str) -> list[str]:
    """The environment variable(s) of a setting (every field names its own)."""
    return [str(choice) for choice in MedkgSettings.model_fields[field].validation_alias.choices]


_ENV_NAMES = tuple(n for field in MedkgSettings.model_fields for n in _names(field))
_resolved: tuple[tuple[str | None, ...], MedkgSettings] | None = None


def get_settings() -> MedkgSettings:
    """The settings of this process's environment, resolved once (and again only if a variable changes)."""
    global _resolved
    key = tuple(os.environ.get(name) for name in _ENV_NAMES)
    if _resolved is None or _resolved[0] != key:
        try:
            _resolved = key, MedkgSettings()
        except ValidationError as err:
            raise InputError(_explain(err)) from None
    return _resolved[1]


def _explain(err: ValidationError) -> str:
    lines = []
    for problem in err.errors():
        field = str(problem["loc"][0]) if problem["loc"] else ""
        where = " or ".join(_names(field)) if field in MedkgSettings.model_fields else field or "settings"
        lines.append(f"{where}: {problem['msg']}" + (f" (got {problem['input']!r})" if field and "password" not in
                                                       field and "key" not in field else ""))
    return "invalid setting: " + "; ".join(lines)


def enforce_offline() -> None:
    """Make every Hugging Face call in this process offline (models and data ship with medkg); idempotent, and a
    value the user set explicitly is kept."""
    for name, value in OFFLINE.items():
        os.environ.setdefault(name, value)


def child_environment(**extra: str) -> Mapping[str, str]:
    """The environment of a process medkg starts (the embedded server): this one's, plus ``extra``."""
    return {**os.environ, **extra}
