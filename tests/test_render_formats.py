"""Output formats: text (with CJK-aware carets), JSON (the contract), SARIF 2.1.0, GitHub annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transparency.models import DimensionResult, Document, Evaluation, Evidence, Finding, Formula
from transparency.render import LintError, renderer
from transparency.render.github import escape_data, escape_property
from transparency.render.text import excerpt, text_width

REPO = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-schema-2.1.0.json"  # shipped copy

TEXT = "尊敬的客户：\n由于种种原因，我司将停止运营。\n联系人：张经理\n"


def finding(doc: Document, code: str, start: int, end: int, severity: str = "warning",
            fix: str | None = "写明具体原因。", message: str = "理由是套话。") -> Finding:
    return Finding(code=code, name=f"rule-{code.lower()}", severity=severity, message=message,
                   dimension="reason", span=doc.span(start, end), fix=fix, source="seed")


def evaluation(text: str = TEXT, path: str = "letters/k2.txt", spans=None, language="zh") -> Evaluation:
    doc = Document(text=text, language=language, path=path)
    start = text.find("由于种种原因")
    spans = spans if spans is not None else [("TR001", start, start + 6, "warning"),
                                              ("TT001", 0, 6, "error")]
    findings = [finding(doc, c, s, e, sev) for c, s, e, sev in spans]
    where = (start, start + 6) if start >= 0 else (0, 0)
    ev = Evidence(kind="reason", subkind="generic", quality="vague", span=doc.span(*where))
    matrix = {"reason": DimensionResult(status="vague", score=0.5, evidence=[ev]),
              "time": DimensionResult(status="absent", score=0.0, looked_for="a date"),
              "responsibility": DimensionResult(status="absent", score=0.0),
              "compensation": DimensionResult(status="concrete", score=1.0)}
    formula = Formula(cause=DimensionResult(status="vague", score=0.5),
                      plan=DimensionResult(status="absent", score=0.0),
                      owner=DimensionResult(status="concrete", score=1.0))
    return Evaluation(document=doc, findings=findings, matrix=matrix, formula=formula, score=42.5)


ERRORS = [LintError("letters/missing.txt", "no such file or directory")]


# -- text ------------------------------------------------------------------------------------------
def test_text_format_header_excerpt_carets_help_and_summary():
    out = renderer("text")([("letters/k2.txt", evaluation())], ERRORS)
    lines = out.splitlines()
    assert lines[0] == "letters/k2.txt:1:1: TT001 [error] 理由是套话。"
    assert "letters/k2.txt:2:1: TR001 [warning] 理由是套话。" in lines
    i = lines.index("letters/k2.txt:2:1: TR001 [warning] 理由是套话。")
    assert lines[i + 2] == "2 | 由于种种原因，我司将停止运营。"
    assert lines[i + 3] == "  | " + "^" * 12          # six full-width characters = 12 columns
    assert lines[i + 4] == "help: 写明具体原因。"
    assert "letters/missing.txt: error: no such file or directory" in lines
    assert lines[-1] == ("Found 2 problems (1 error, 1 warning, 0 suggestions) in 1 of 1 file checked. "
                         "1 input could not be checked (see the errors above).")
    assert "\x1b[" not in out


def test_carets_sit_under_a_span_after_mixed_width_text():
    line = "Ref号：ABC，由于种种原因停业"
    start = line.index("由于")
    shown, carets = excerpt(line, start, start + 4)
    assert shown == line
    # "Ref" 3 + "号：" 4 + "ABC" 3 + "，" 2 = 12 columns before the span; four ideographs = 8 columns
    assert carets == " " * 12 + "^" * 8
    assert text_width(shown[:start]) == len(carets) - 8


@settings(max_examples=50)
@given(st.text(alphabet=st.sampled_from(list("ab 1中文，。ｱＡ\t")), min_size=1, max_size=60), st.data())
def test_carets_always_cover_exactly_the_span_columns(line, data):
    start = data.draw(st.integers(0, len(line) - 1))
    end = data.draw(st.integers(start + 1, len(line)))
    shown, carets = excerpt(line, start, end, max_width=1000)
    expected_pad = text_width(line[:start])
    assert carets == " " * expected_pad + "^" * max(1, text_width(line[start:end]))


def test_long_lines_are_cut_around_the_span_and_carets_follow():
    line = "甲" * 300 + "由于种种原因" + "乙" * 300
    start = line.index("由于")
    shown, carets = excerpt(line, start, start + 6, max_width=80)
    assert shown.startswith("…") and shown.endswith("…") and "由于种种原因" in shown
    assert text_width(shown) <= 84
    assert carets.strip() == "^" * 12
    assert text_width(shown[:shown.index("由于")]) == len(carets) - 12


def test_zero_width_span_gets_one_caret():
    assert excerpt("由于", 0, 0) == ("由于", "^")


def test_colour_only_when_asked():
    out = renderer("text")([("a.txt", evaluation())], [], color=True)
    assert "\x1b[1;31mTT001\x1b[0m" in out


def test_statistics_count_per_code():
    results = [("a.txt", evaluation()), ("b.txt", evaluation())]
    out = renderer("text")(results, [], statistics=True).splitlines()
    assert out[:2] == ["2  TR001  [warning]  rule-tr001", "2  TT001  [error]  rule-tt001"]
    data = json.loads(renderer("json")(results, [], statistics=True))
    assert data["statistics"][0] == {"code": "TR001", "name": "rule-tr001", "severity": "warning",
                                     "count": 2}


def test_no_problems_summary():
    out = renderer("text")([("a.txt", evaluation(spans=[]))], [])
    assert out == "No problems found in 1 file checked.\n"


# -- JSON ------------------------------------------------------------------------------------------
def test_json_follows_the_contract():
    data = json.loads(renderer("json")([("letters/k2.txt", evaluation())], ERRORS))
    assert data["schema_version"] == "1"
    assert data["errors"] == [{"path": "letters/missing.txt", "message": "no such file or directory"}]
    [doc] = data["documents"]
    assert {"path", "language", "kind", "score", "matrix", "formula", "findings"} <= set(doc)
    assert (doc["path"], doc["language"], doc["kind"], doc["score"]) == ("letters/k2.txt", "zh",
                                                                          "letter", 42.5)
    assert set(doc["matrix"]) == {"reason", "time", "responsibility", "compensation"}
    assert doc["matrix"]["reason"] == {"status": "vague", "score": 0.5,
                                       "evidence": [{"start": 7, "end": 13, "text": "由于种种原因"}]}
    assert doc["formula"] == {"cause": {"status": "vague"}, "plan": {"status": "absent"},
                              "owner": {"status": "concrete"}, "complete": False}
    tr = next(f for f in doc["findings"] if f["code"] == "TR001")
    required = {"code", "name", "severity", "message", "dimension", "start", "end", "line", "column",
                "text", "fix"}
    assert required <= set(tr)
    assert (tr["start"], tr["end"], tr["line"], tr["column"], tr["text"]) == (7, 13, 2, 1, "由于种种原因")
    assert TEXT[tr["start"]:tr["end"]] == tr["text"]
    assert [f["code"] for f in doc["findings"]] == ["TT001", "TR001"]  # reading order
    assert doc["matrix"]["time"]["looked_for"] == "a date"
    assert set(doc["explanation"]) >= {"fired", "unmet"}


def test_json_fix_is_null_when_absent_and_text_is_not_escaped():
    ev = evaluation()
    ev.findings[0] = ev.findings[0].model_copy(update={"fix": None})
    out = renderer("json")([("a.txt", ev)], [])
    assert "由于种种原因" in out
    assert any(f["fix"] is None for f in json.loads(out)["documents"][0]["findings"])


# -- SARIF -----------------------------------------------------------------------------------------
def sarif_log(results, errors=()):
    return json.loads(renderer("sarif")(results, list(errors)))


def test_sarif_is_valid_against_the_official_schema():
    from jsonschema import Draft4Validator

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    results = [("letters/k2.txt", evaluation()), ("letters/致客户.docx", evaluation()),
               ("clean.txt", evaluation(spans=[]))]
    log = sarif_log(results, ERRORS)
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_sarif_rules_results_and_regions():
    log = sarif_log([("letters/k2.txt", evaluation())], ERRORS)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["TR001", "TT001"]
    for r in rules:
        assert {"id", "name", "shortDescription", "fullDescription", "help",
                "defaultConfiguration"} <= set(r)
        assert {"text", "markdown"} <= set(r["help"])
    assert rules[1]["defaultConfiguration"]["level"] == "error"
    tr = next(x for x in run["results"] if x["ruleId"] == "TR001")
    assert rules[tr["ruleIndex"]]["id"] == "TR001" and tr["level"] == "warning"
    loc = tr["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "letters/k2.txt"
    assert loc["region"] == {"startLine": 2, "startColumn": 1, "endLine": 2, "endColumn": 7,
                             "charOffset": 7, "charLength": 6}
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "letters/missing.txt" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_suggestion_is_a_note_and_extracted_text_has_no_region():
    ev = evaluation(path="a.docx", spans=[("TR001", 7, 13, "suggestion")])
    [result] = sarif_log([("a/致客户 1.docx", ev)])["runs"][0]["results"]
    assert result["level"] == "note"
    loc = result["locations"][0]["physicalLocation"]
    assert "region" not in loc
    assert loc["artifactLocation"]["uri"] == "a/%E8%87%B4%E5%AE%A2%E6%88%B7%201.docx"
    assert "line 2, column 1 of the text extracted" in result["message"]["text"]


# -- GitHub ----------------------------------------------------------------------------------------
def test_github_annotations():
    out = renderer("github")([("letters/k2.txt", evaluation())], ERRORS).splitlines()
    assert out[0] == ("::error file=letters/k2.txt,line=1,col=1,endLine=1,endColumn=7,title=TT001::"
                      "理由是套话。%0Ahelp: 写明具体原因。")
    assert out[1].startswith("::warning file=letters/k2.txt,line=2,col=1,endLine=2,endColumn=7,"
                             "title=TR001::")
    assert out[2] == "::error file=letters/missing.txt,title=input error::no such file or directory"


def test_github_suggestion_is_a_notice_and_escaping():
    ev = evaluation(spans=[("TR001", 7, 13, "suggestion")])
    ev.findings[0] = ev.findings[0].model_copy(update={"message": "100% a:b,c\r\nnext", "fix": None})
    [line] = renderer("github")([("dir,x/a:b.txt", ev)], []).splitlines()
    assert line.startswith("::notice file=dir%2Cx/a%3Ab.txt,line=2,")
    assert line.endswith("::100%25 a:b,c%0D%0Anext")


@given(st.text())
def test_escaping_leaves_no_raw_separator(value):
    data, prop = escape_data(value), escape_property(value)
    assert "\n" not in data and "\r" not in data
    assert not {":", ",", "\n", "\r"} & set(prop)
    unescaped = (prop.replace("%3A", ":").replace("%2C", ",").replace("%0D", "\r")
                 .replace("%0A", "\n").replace("%25", "%"))
    assert unescaped == value or "%" in value  # round trip, barring literal escape-like input


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        renderer("xml")


@settings(max_examples=60)
@given(st.text(alphabet=st.sampled_from(list("ab中文，\n\r\t")), min_size=1, max_size=80), st.data())
def test_json_positions_always_point_at_the_finding_text(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    ev = evaluation(text=text, spans=[("TR001", start, end, "warning")])
    [f] = json.loads(renderer("json")([("a.txt", ev)], []))["documents"][0]["findings"]
    assert text[f["start"]:f["end"]] == f["text"]
    # line/column count characters, with \r\n, \n and \r each ending one line
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    prefix = text[:start].replace("\r\n", "\n").replace("\r", "\n")
    if not (start > 0 and text[start - 1] == "\r" and text[start:start + 1] == "\n"):
        assert f["line"] == prefix.count("\n") + 1
        assert f["column"] == len(prefix) - (prefix.rfind("\n") + 1) + 1
    assert 1 <= f["line"] <= len(lines)


def test_evaluation_to_json_equals_one_document_of_lint_json(tmp_path, capsys):
    from transparency import cli, evaluate

    letter = tmp_path / "letter.txt"
    letter.write_text("由于种种原因，本店将于近期停业。", encoding="utf-8")
    cli.main(["lint", str(letter), "--format", "json", "--exit-zero"])
    [doc] = json.loads(capsys.readouterr().out)["documents"]
    ev = evaluate(letter.read_text(encoding="utf-8"), language="zh")
    assert json.loads(ev.to_json(str(letter))) == doc


def test_the_package_declares_its_types():
    import transparency

    assert (Path(transparency.__file__).parent / "py.typed").is_file()
