"""Data files under matrices/ are validated at load time; problems name the file and line."""

import pytest

from transparency.checklist.tiers import load_tiers
from transparency.data import matrices_dir
from transparency.errors import ConfigError
from transparency.judge.weights import load_matrix


def test_the_bundled_matrix_and_tiers_validate():
    assert set(load_matrix().dimensions) == {"reason", "time", "responsibility", "compensation"}
    load_tiers()


def test_an_unknown_key_names_file_and_line(tmp_path):
    text = (matrices_dir() / "matrix.yaml").read_text(encoding="utf-8")
    text = text.replace("    weight: 1.0\n", "    weight: 1.0\n    wieght: 2\n", 1)
    path = tmp_path / "matrix.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_matrix(path)
    [problem] = info.value.problems
    line = text.splitlines().index("    wieght: 2") + 1
    assert (problem.path, problem.line) == (str(path), line) and "wieght" in problem.message


def test_inconsistent_status_scores_are_refused(tmp_path):
    text = (matrices_dir() / "matrix.yaml").read_text(encoding="utf-8")
    path = tmp_path / "matrix.yaml"
    path.write_text(text.replace("vague: 0.5, absent: 0.0", "vague: 0.5, absent: 0.9", 1), encoding="utf-8")
    with pytest.raises(ConfigError, match="absent <= vague <= concrete"):
        load_matrix(path)


def test_invalid_yaml_and_missing_files_are_reported(tmp_path):
    bad = tmp_path / "tiers.yaml"
    bad.write_text("core: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_tiers(bad)
    with pytest.raises(ConfigError, match="cannot read"):
        load_tiers(tmp_path / "none.yaml")
