"""Choosing the backend: default durable, $TRANSPARENCY_ENGINE, the argument (which wins), a clear
error for an unknown name, and one warning when durable_rules is missing and was not asked for."""

from __future__ import annotations

import sys
import warnings

import pytest

import transparency.engine as engine
from transparency.engine import (
    EngineFallbackWarning, EngineUnavailableError, available_backends, get_backend,
)
from transparency.rules.ir import Conjunction, Firing, IRProgram, IRRule, Pattern

PROGRAM = IRProgram("document", "document", (IRRule("NO_CONTACT", (Conjunction(absent=(Pattern("contact"),)),)),))
FACTS = [{"fact": "document", "id": 0}]


@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv(engine.ENV_VAR, raising=False)
    return monkeypatch


@pytest.fixture
def no_durable(no_env: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Simulate a Python where durable_rules_engine cannot be imported (None in sys.modules makes
    ``import`` raise ImportError), with a fresh once-per-process warning flag and cache."""
    no_env.setitem(sys.modules, "durable_rules_engine", None)
    no_env.setattr(engine, "_warned", False)
    no_env.setattr(engine, "_CACHE", {})
    return no_env


def test_default_is_durable(no_env: pytest.MonkeyPatch) -> None:
    backend = get_backend(PROGRAM)
    assert backend.name == "durable"
    assert backend.run(FACTS) == {Firing("NO_CONTACT")}


def test_environment_variable_chooses(no_env: pytest.MonkeyPatch) -> None:
    no_env.setenv(engine.ENV_VAR, "python")
    assert get_backend(PROGRAM).name == "python"
    no_env.setenv(engine.ENV_VAR, "durable")
    assert get_backend(PROGRAM).name == "durable"


def test_argument_wins_over_environment(no_env: pytest.MonkeyPatch) -> None:
    no_env.setenv(engine.ENV_VAR, "durable")
    assert get_backend(PROGRAM, "python").name == "python"
    no_env.setenv(engine.ENV_VAR, "python")
    assert get_backend(PROGRAM, "durable").name == "durable"


def test_unknown_names_are_errors_listing_the_valid_ones(no_env: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match=r"unknown rule engine 'drools' \(from the engine argument\); "
                                         r"valid engines: durable, python"):
        get_backend(PROGRAM, "drools")
    no_env.setenv(engine.ENV_VAR, "Durable")
    with pytest.raises(ValueError, match=r"'Durable' \(from \$TRANSPARENCY_ENGINE\).*durable, python"):
        get_backend(PROGRAM)


def test_backends_are_cached_per_program_and_name(no_env: pytest.MonkeyPatch) -> None:
    assert get_backend(PROGRAM, "durable") is get_backend(PROGRAM, "durable")
    assert get_backend(PROGRAM, "python") is not get_backend(PROGRAM, "durable")
    other = IRProgram("document", "document", ())
    assert get_backend(other, "durable") is not get_backend(PROGRAM, "durable")


def test_available_backends(no_env: pytest.MonkeyPatch) -> None:
    assert available_backends() == ["durable", "python"]


def test_missing_durable_falls_back_with_one_warning(no_durable: pytest.MonkeyPatch) -> None:
    with pytest.warns(EngineFallbackWarning, match="durable_rules cannot be imported") as caught:
        first = get_backend(PROGRAM)
    assert len(caught) == 1
    assert first.name == "python"
    assert first.run(FACTS) == {Firing("NO_CONTACT")}
    assert issubclass(EngineFallbackWarning, RuntimeWarning)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a second warning would raise here
        assert get_backend(IRProgram("document", "document", ())).name == "python"
    assert available_backends() == ["python"]


def test_missing_durable_requested_explicitly_is_an_error(no_durable: pytest.MonkeyPatch) -> None:
    with pytest.raises(EngineUnavailableError, match="durable engine was requested.*TRANSPARENCY_ENGINE=python"):
        get_backend(PROGRAM, "durable")
    no_durable.setenv(engine.ENV_VAR, "durable")
    with pytest.raises(EngineUnavailableError):
        get_backend(PROGRAM)
    assert get_backend(PROGRAM, "python").name == "python"
