"""Inputs that once stopped a whole batch (issue 16, first items): each is a regression test."""

from __future__ import annotations

from transparency import cli, evaluate

HUGE = "退款金额100000000亿元将于2024年3月31日前退还。"  # 10**16: beyond 2**53


def test_an_amount_beyond_2_53_is_evaluated_by_both_engines_alike():
    a = evaluate(HUGE, language="zh", backend="python")
    b = evaluate(HUGE, language="zh", backend="durable")
    assert a.statuses == b.statuses
    assert sorted(f.code for f in a.findings) == sorted(f.code for f in b.findings)


def test_one_huge_amount_does_not_stop_the_other_files(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(HUGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("本店将于2024年3月31日停业。", encoding="utf-8")
    code = cli.main(["lint", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    out = capsys.readouterr().out
    assert code == 1
    assert "a.txt" in out and "b.txt" in out and "in 2 of 2 files checked" in out


def test_a_document_the_engine_cannot_evaluate_is_an_error_for_that_file_only(tmp_path, capsys, monkeypatch):
    from transparency import pipeline

    real = pipeline.evaluate_document

    def flaky(document, **kw):
        if document.path and document.path.endswith("bad.txt"):
            raise ValueError("engine refused a fact")
        return real(document, **kw)

    monkeypatch.setattr(pipeline, "evaluate_document", flaky)
    (tmp_path / "bad.txt").write_text("本店将于2024年3月31日停业。", encoding="utf-8")
    (tmp_path / "good.txt").write_text("本店将于2024年3月31日停业。", encoding="utf-8")
    code = cli.main(["lint", str(tmp_path / "bad.txt"), str(tmp_path / "good.txt"), "--format", "json"])
    captured = capsys.readouterr()
    import json

    report = json.loads(captured.out)
    assert code == 2  # an input could not be checked
    assert [d["path"] for d in report["documents"]] == [str(tmp_path / "good.txt")]
    assert report["errors"][0]["path"] == str(tmp_path / "bad.txt")
    assert "cannot evaluate this document" in report["errors"][0]["message"]


def test_a_letter_that_cannot_be_evaluated_does_not_stop_the_gap_report(monkeypatch):
    from pathlib import Path

    from transparency.case.load import load_case
    from transparency.report.gaps import build_gap_report

    case = load_case(Path(__file__).resolve().parents[1] / "examples" / "case")
    seen = []

    def evaluator(path, kind, client, language):  # noqa: ANN001
        seen.append(path)
        if len(seen) == 1:
            raise ValueError("engine refused a fact")
        from transparency.report.gaps import default_evaluator

        return default_evaluator(path, kind, client, language)

    report = build_gap_report(case, evaluator=evaluator)
    assert len(report.clients) == len(case.clients)
    assert any("could not be evaluated (engine refused a fact)" in n for n in report.notes)
