"""Configuration: discovery (nearest wins), validation with file and line, selection and profiles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transparency.config import (Config, ConfigResolver, Profile, find_config_file, load_config)
from transparency.errors import ConfigError

KNOWN = ["TR001", "TR002", "TT001", "TT002", "TS001", "TS002", "TO001"]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return [str(p) for p in info.value.problems]


# -- discovery -------------------------------------------------------------------------------------
def test_nearest_configuration_wins_and_pyproject_without_our_table_is_passed_over(tmp_path):
    top = write(tmp_path / "transparency.toml", 'ignore = ["TT"]\n')
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "x"\n')
    inner = write(tmp_path / "a" / "b" / "pyproject.toml", '[tool.transparency]\nselect = ["TR"]\n')
    letter = write(tmp_path / "a" / "b" / "c" / "letter.txt", "x")
    assert find_config_file(letter) == inner
    assert find_config_file(tmp_path / "a" / "other.txt") == top
    resolver = ConfigResolver()
    assert resolver.config_for(letter).select == ("TR",)
    assert resolver.config_for(tmp_path / "a" / "x.txt").ignore == ("TT",)


def test_transparency_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.transparency]\nselect = ["TR"]\n')
    ours = write(tmp_path / "transparency.toml", 'select = ["TT"]\n')
    assert find_config_file(tmp_path / "l.txt") == ours


def test_no_configuration_means_defaults(tmp_path):
    letter = write(tmp_path / "x" / "l.txt", "x")
    if find_config_file(letter) is None:  # a configuration above the temporary folder would be found
        config = ConfigResolver().config_for(letter)
        assert config == Config.default() and config.is_enabled("TT001")


def test_explicit_configuration_applies_to_every_file(tmp_path):
    explicit = write(tmp_path / "conf" / "custom.toml", 'ignore = ["TS002"]\n')
    write(tmp_path / "letters" / "transparency.toml", 'ignore = ["TT"]\n')
    resolver = ConfigResolver(explicit)
    config = resolver.config_for(tmp_path / "letters" / "a.txt")
    assert config.ignore == ("TS002",) and config.path == explicit


# -- keys and values -------------------------------------------------------------------------------
def test_full_configuration_in_pyproject(tmp_path):
    rules = write(tmp_path / "house" / "rules.yaml", "rules: []\n")
    path = write(tmp_path / "pyproject.toml", """\
[project]
name = "letters"

[tool.transparency]
select = ["TR", "TT001"]
ignore = ["TR002"]
extend-rules = ["house/rules.yaml"]

[tool.transparency.severity]
TT001 = "warning"
TR = "suggestion"

[[tool.transparency.profiles]]
glob = "faq/**"
kind = "faq"

[[tool.transparency.profiles]]
glob = "*.core.txt"
tier = "core"
language = "en"
""")
    config = load_config(path)
    assert config.extend_rules == [rules.resolve()]
    assert config.is_enabled("TR001") and config.is_enabled("TT001")
    assert not config.is_enabled("TR002") and not config.is_enabled("TT002")
    assert config.severity_for("TT001", "error") == "warning"
    assert config.severity_for("TR009", "error") == "suggestion"
    assert config.severity_for("TO001", "error") == "error"
    assert config.profile_for(tmp_path / "faq" / "2024" / "q.md") == {"kind": "faq"}
    assert config.profile_for(tmp_path / "faq" / "x.core.txt") == {"kind": "faq", "tier": "core",
                                                                  "language": "en"}
    assert config.profile_for(tmp_path / "letters" / "a.txt") == {}
    config.check_codes(KNOWN)


def test_transparency_toml_uses_top_level_keys(tmp_path):
    path = write(tmp_path / "transparency.toml", 'ignore = ["TS"]\n[severity]\nTT001 = "warning"\n')
    config = load_config(path)
    assert config.ignore == ("TS",) and config.severity == {"TT001": "warning"}


def test_every_problem_is_reported_with_file_and_line(tmp_path):
    path = write(tmp_path / "transparency.toml", """\
select = ["TT001"]
colour = "red"
ignore = "TS002"
extend-rules = ["missing.yaml"]

[severity]
TT001 = "fatal"

[[profiles]]
glob = "faq/**"
kind = "brochure"

[[profiles]]
kind = "faq"
""")
    found = problems(path)
    assert f"{path}:2: unknown key 'colour'; known keys: select, ignore, extend-rules, status-rules, severity, profiles" in found
    assert any(p.startswith(f"{path}:3: ignore must be a list") for p in found)
    assert any(p.startswith(f"{path}:4: extend-rules: rule file 'missing.yaml' not found") for p in found)
    assert any(p.startswith(f"{path}:7: severity of TT001: 'fatal' is not one of") for p in found)
    assert any(p.startswith(f"{path}:11: profile 1: kind 'brochure' is not one of") for p in found)
    assert any(p.startswith(f"{path}:13:") and "profile 2: needs a glob" in p for p in found)
    assert len(found) == 6


def test_a_misspelt_key_gets_a_suggestion(tmp_path):
    path = write(tmp_path / "transparency.toml", 'selct = ["TT"]\n')
    assert problems(path) == [f"{path}:1: unknown key 'selct'; did you mean 'select'?"]


def test_toml_syntax_error_names_the_line(tmp_path):
    path = write(tmp_path / "transparency.toml", 'select = ["TT"]\nignore = [\n"TS"\nseverity = 1\n')
    [problem] = problems(path)
    assert problem.startswith(f"{path}:4: not valid TOML")


def test_unknown_codes_and_prefixes_are_errors_with_their_line(tmp_path):
    path = write(tmp_path / "pyproject.toml", """\
[tool.transparency]
select = [
  "TR",
  "TX",
]
ignore = ["TT009"]
[tool.transparency.severity]
ZZ001 = "warning"
""")
    config = load_config(path)
    with pytest.raises(ConfigError) as info:
        config.check_codes(KNOWN)
    found = [str(p) for p in info.value.problems]
    assert found[0].startswith(f"{path}:4: select: no rule has the code or prefix 'TX'")
    assert found[1] == f"{path}:6: ignore: no rule has the code or prefix 'TT009'; did you mean 'TT002'?"
    assert found[2].startswith(f"{path}:8: severity: no rule has the code or prefix 'ZZ001'")


def test_malformed_codes_are_rejected_at_load(tmp_path):
    path = write(tmp_path / "transparency.toml", 'select = ["tt001", "TT-1"]\n')
    found = problems(path)
    assert len(found) == 2 and all(p.startswith(f"{path}:1: select:") for p in found)


def test_pyproject_given_explicitly_without_our_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[project]\nname='x'\n")
    assert problems(path) == [f"{path}: has no [tool.transparency] table"]


# -- selection semantics ---------------------------------------------------------------------------
def test_the_more_specific_prefix_wins():
    config = Config(select=("TT",), ignore=("TT001",))
    assert not config.is_enabled("TT001") and config.is_enabled("TT002")
    config = Config(select=("TT001",), ignore=("TT",))
    assert config.is_enabled("TT001") and not config.is_enabled("TT002")
    assert not Config(select=("TT",)).is_enabled("TR001")


def test_command_line_overrides(tmp_path):
    config = Config(select=("TR",), ignore=("TR002",)).with_overrides(select=["TT"], ignore=["TT002"])
    assert config.select == ("TT",) and config.ignore == ("TR002", "TT002")
    with pytest.raises(ConfigError) as info:
        Config().with_overrides(select=["QQ1"]).check_codes(KNOWN)
    assert str(info.value.problems[0]).startswith("--select: select: no rule has")


codes = st.sampled_from(KNOWN)
prefixes = st.sampled_from(["T", "TR", "TT", "TS", "TO", *KNOWN])


@given(st.lists(prefixes, max_size=4) | st.none(), st.lists(prefixes, max_size=4), codes)
def test_ignoring_more_never_enables_a_rule(select, ignore, code):
    base = Config(select=tuple(select) if select is not None else None, ignore=tuple(ignore))
    more = Config(select=base.select, ignore=base.ignore + ("TR001", "TT"))
    assert not (more.is_enabled(code) and not base.is_enabled(code))
    if code in ignore and (select is None or code not in select):
        assert not base.is_enabled(code)


def test_profile_globs():
    assert Profile("faq/**").matches("faq/a/b.md") and not Profile("faq/**").matches("x/faq.md")
    assert Profile("*.md").matches("deep/in/x.md")          # no slash: the file name, any folder
    assert Profile("letters/*.txt").matches("letters/a.txt")
    assert not Profile("letters/*.txt").matches("letters/sub/a.txt")
    assert Profile("**/core/*.txt").matches("core/a.txt") and Profile("**/core/*.txt").matches("x/core/a.txt")
    assert Profile("k[0-9].txt").matches("k2.txt") and not Profile("k[!0-9].txt").matches("k2.txt")


# -- `transparency config PATH` --------------------------------------------------------------------
def test_config_command_prints_the_effective_configuration(tmp_path, capsys):
    import json

    from transparency.cli import main

    conf = write(tmp_path / "transparency.toml", 'select = ["TM"]\nignore = ["TM003"]\n'
                 '[severity]\nTM006 = "suggestion"\n[[profiles]]\nglob = "faq/*"\nkind = "faq"\n')
    letter = write(tmp_path / "faq" / "q.md", "x")
    assert main(["config", str(letter), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["path"] == str(conf) and data["profile"] == {"kind": "faq"}
    assert "TM003" in data["disabled"] and "TM006" in data["enabled"] and "TS001" in data["disabled"]
    assert data["severity_changed"] == {"TM006": "suggestion"}
    assert main(["config", str(letter)]) == 0
    text = capsys.readouterr().out
    assert f"# from {conf}" in text and 'select = ["TM"]' in text and 'kind = "faq"' in text


def test_config_command_reports_errors_with_file_and_line(tmp_path, capsys):
    from transparency.cli import main

    conf = write(tmp_path / "transparency.toml", '\nignore = ["QQ"]\n')
    assert main(["config", str(tmp_path)]) == 2
    assert f"{conf}:2: ignore: no rule has the code or prefix 'QQ'" in capsys.readouterr().err
