"""Rule files: every problem is reported with its file and line; valid files compile."""

from pathlib import Path

import pytest

from transparency.errors import RuleFileError
from transparency.rules.loader import load_ruleset

GOOD_RULE = """\
  - code: {code}
    name: {name}
    dimension: time
    severity: error
    check:
      requires: {{fact: status, dimension: time, status: [concrete, vague]}}
    message: {{zh: 没有时间, en: no time}}
    why: the client cannot plan
    source: seed
    examples:
      zh: {{bad: ["我们将停业。"], better: ["我们将于2024年3月31日停业。"]}}
"""


def write(tmp_path: Path, body: str, name: str = "r.yaml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def problems_of(*paths: Path) -> list[str]:
    with pytest.raises(RuleFileError) as info:
        load_ruleset(paths, include_bundled=False)
    return [str(p) for p in info.value.problems]


def test_a_valid_file_loads_and_compiles(tmp_path):
    path = write(tmp_path, "rules:\n" + GOOD_RULE.format(code="TT901", name="time-x"))
    ruleset = load_ruleset([path], include_bundled=False)
    rule = ruleset.by_code["TT901"]
    assert (rule.path, rule.line, rule.area) == (str(path), 2, "r")
    assert rule.message_in("en") == "no time" and rule.languages == ("zh",)
    program = ruleset.program("document")
    assert [r.code for r in program.rules] == ["TT901"]
    assert program.rules[0].conjunctions[0].absent[0].fact == "status"


def test_unknown_key_names_file_and_line(tmp_path):
    body = "rules:\n" + GOOD_RULE.format(code="TT901", name="time-x").replace(
        "    severity: error\n", "    severity: error\n    colour: red\n")
    path = write(tmp_path, body)
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:6:") and "colour" in problem and "unknown key" in problem


def test_unknown_top_level_key(tmp_path):
    path = write(tmp_path, "version: 2\nrules:\n" + GOOD_RULE.format(code="TT901", name="time-x"))
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:1:") and "version" in problem


def test_duplicate_codes_across_files_name_both_places(tmp_path):
    a = write(tmp_path, "rules:\n" + GOOD_RULE.format(code="TT901", name="time-x"), "a.yaml")
    b = write(tmp_path, "rules:\n" + GOOD_RULE.format(code="TT901", name="time-y"), "b.yaml")
    [problem] = problems_of(a, b)
    assert problem.startswith(f"{b}:2:") and f"{a}:2" in problem and "duplicate rule code" in problem


def test_unknown_primitive_and_malformed_patterns_are_all_reported(tmp_path):
    body = "rules:\n" + GOOD_RULE.format(code="TT901", name="time-x").replace(
        "requires: {fact: status, dimension: time, status: [concrete, vague]}",
        "maybe: {fact: status}") + GOOD_RULE.format(code="TT902", name="time-y").replace(
        "requires: {fact: status, dimension: time, status: [concrete, vague]}",
        "all_of: [{requires: {fact: money, amount: {gte: '10'}}}, {forbids: {fact: tyme}},"
        " {requires: {fact: time, quality: fuzzy}}, {requires: {fact: money, amount: {between: 3}}}]")
    problems = problems_of(write(tmp_path, body))
    text = "\n".join(problems)
    assert "unknown primitive 'maybe'" in text
    assert "expected a number" in text
    assert "unknown fact kind 'tyme'" in text
    assert "quality is one of" in text
    assert "a comparison is one of" in text
    assert all(p.startswith(str(tmp_path)) and p.split(":")[1].isdigit() for p in problems)


def test_bad_code_name_severity_and_missing_keys(tmp_path):
    body = "rules:\n" + GOOD_RULE.format(code="T1", name="Time_X").replace(
        "severity: error", "severity: fatal").replace("    why: the client cannot plan\n", "")
    text = "\n".join(problems_of(write(tmp_path, body)))
    for part in ("code 'T1'", "kebab-case", "severity", "why: required key is missing"):
        assert part in text


def test_yaml_syntax_error_has_a_line(tmp_path):
    path = write(tmp_path, "rules:\n  - code: [unclosed\n")
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:") and "not valid YAML" in problem


def test_builtin_must_be_known_and_whole_check(tmp_path):
    body = "rules:\n" + GOOD_RULE.format(code="TT901", name="time-x").replace(
        "requires: {fact: status, dimension: time, status: [concrete, vague]}", "builtin: no-such-check")
    assert "unknown builtin 'no-such-check'" in "\n".join(problems_of(write(tmp_path, body)))


def test_missing_file_is_reported(tmp_path):
    [problem] = problems_of(tmp_path / "nope.yaml")
    assert "cannot read the rule file" in problem


def test_python_tags_are_refused(tmp_path):
    path = write(tmp_path, "rules: !!python/object/apply:os.system ['true']\n")
    [problem] = problems_of(path)
    assert "not valid YAML" in problem
