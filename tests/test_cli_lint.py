"""``transparency lint``: formats, exit codes, --fail-on / --exit-zero, selection, configuration, input
errors, progress bar, and no heavy imports on the plain-text path."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from transparency.cli import main
from transparency.commands.lint import Progress

REPO = Path(__file__).resolve().parents[1]

LETTER = "尊敬的客户：\n我司将停止运营。\n"          # no reason, no date, no owner, no compensation
LETTER_EN = "Dear client,\nWe are closing.\n"


def lint(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["lint", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.write_bytes if isinstance(text, bytes) else lambda t: path.write_text(t, encoding="utf-8"))(text)
    return path


@pytest.fixture()
def letters(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "transparency.toml", "")  # isolate from any configuration above tmp
    write(tmp_path / "letters" / "a.txt", LETTER)
    write(tmp_path / "letters" / "b.txt", LETTER_EN)
    return tmp_path


# -- exit codes ------------------------------------------------------------------------------------
def test_error_findings_exit_1_and_are_printed(capsys, letters):
    code, out, err = lint(capsys, "letters")
    assert code == 1
    assert "letters/a.txt: TM003 [error]" in out  # missing from the whole text: file level
    assert out.rstrip().splitlines()[-1].startswith("Found ")
    assert "of 2 files checked." in out


def test_clean_run_exits_0(capsys, letters):
    code, out, _ = lint(capsys, "letters", "--select", "TS")
    assert (code, out) == (0, "No problems found in 2 files checked.\n")


def test_fail_on_threshold(capsys, letters):
    write(letters / "transparency.toml", '[severity]\nTM003 = "warning"\n')
    assert lint(capsys, "letters/a.txt", "--select", "TM003")[0] == 0
    assert lint(capsys, "letters/a.txt", "--select", "TM003", "--fail-on", "warning")[0] == 1
    assert lint(capsys, "letters/a.txt", "--select", "TM003", "--fail-on", "suggestion")[0] == 1
    write(letters / "transparency.toml", '[severity]\nTM003 = "suggestion"\n')
    assert lint(capsys, "letters/a.txt", "--select", "TM003", "--fail-on", "warning")[0] == 0
    assert lint(capsys, "letters/a.txt", "--select", "TM003", "--fail-on", "suggestion")[0] == 1


def test_exit_zero(capsys, letters):
    assert lint(capsys, "letters", "--exit-zero")[0] == 0
    assert lint(capsys, "letters", "missing.txt", "--exit-zero")[0] == 0
    write(letters / "transparency.toml", 'selekt = ["TM"]\n')
    assert lint(capsys, "letters", "--exit-zero")[0] == 2  # the command itself could not run


def test_input_errors_are_reported_and_the_other_files_still_linted(capsys, letters):
    write(letters / "letters" / "bin.txt", b"\x00\x01\x02\x03binary\x00\xff")
    code, out, err = lint(capsys, "letters", "missing.txt", "--format", "json")
    assert code == 2
    data = json.loads(out)
    assert [d["path"] for d in data["documents"]] == ["letters/a.txt", "letters/b.txt"]
    assert {e["path"] for e in data["errors"]} == {"letters/bin.txt", "missing.txt"}
    assert "missing.txt: error: no such file or directory" in err
    assert "letters/bin.txt: error: is a binary file" in err


def test_a_folder_with_nothing_to_lint_is_an_error_not_a_clean_run(capsys, letters):
    (letters / "drafts").mkdir()
    code, out, err = lint(capsys, "drafts")
    assert code == 2 and "drafts: error: is a folder with no letters in it" in err


def test_usage_errors_exit_2(capsys, letters):
    with pytest.raises(SystemExit) as info:
        main(["lint", "letters", "--format", "xml"])
    assert info.value.code == 2
    capsys.readouterr()
    assert lint(capsys, "letters", "--statistics", "--format", "sarif")[0] == 2


# -- selection and configuration -------------------------------------------------------------------
def test_select_and_ignore(capsys, letters):
    _, out, _ = lint(capsys, "letters/a.txt", "--select", "TM003,TM006", "--format", "json")
    assert {f["code"] for f in json.loads(out)["documents"][0]["findings"]} == {"TM003", "TM006"}
    _, out, _ = lint(capsys, "letters/a.txt", "--select", "TM", "--ignore", "TM003", "--format", "json")
    codes = {f["code"] for f in json.loads(out)["documents"][0]["findings"]}
    assert codes and all(c.startswith("TM") for c in codes) and "TM003" not in codes


def test_unknown_code_on_the_command_line_is_an_error(capsys, letters):
    code, out, err = lint(capsys, "letters", "--select", "TM999")
    assert code == 2 and "--select: select: no rule has the code or prefix 'TM999'" in err


def test_configuration_error_names_file_and_line_and_nothing_is_linted(capsys, letters):
    write(letters / "letters" / "transparency.toml", 'select = ["TM003"]\nignore = ["TQ"]\n')
    code, out, err = lint(capsys, "letters", "--format", "json")
    assert code == 2
    config = letters / "letters" / "transparency.toml"
    assert f"{config}:2: ignore: no rule has the code or prefix 'TQ'" in err
    data = json.loads(out)
    assert data["documents"] == [] and data["errors"][0]["path"] == str(config)


def test_nearest_configuration_and_profiles_apply(capsys, letters):
    write(letters / "letters" / "transparency.toml",
          'select = ["TM003"]\n[[profiles]]\nglob = "b.txt"\nkind = "faq"\nlanguage = "en"\n')
    _, out, _ = lint(capsys, "letters", "--format", "json")
    docs = {d["path"]: d for d in json.loads(out)["documents"]}
    assert docs["letters/b.txt"]["kind"] == "faq" and docs["letters/a.txt"]["kind"] == "letter"
    assert all(f["code"] == "TM003" for d in docs.values() for f in d["findings"])


HOUSE_RULE = """\
rules:
  - code: HR001
    name: house-no-hotline
    dimension: responsibility
    severity: error
    check:
      requires: {fact: status, dimension: responsibility, status: concrete}
    message: {zh: 没有写明负责人, en: no named owner}
    why: the client does not know whom to call
    source: house style guide 3.2
    examples:
      zh: {bad: ["我们将停业。"], better: ["由李经理负责，电话021-12345678。"]}
      en: {bad: ["We are closing."], better: ["Ms Li (021-12345678) handles refunds."]}
"""


def test_extend_rules_adds_house_rules_that_can_be_selected(capsys, letters):
    write(letters / "house" / "rules.yaml", HOUSE_RULE)
    write(letters / "transparency.toml", 'extend-rules = ["house/rules.yaml"]\nselect = ["HR"]\n')
    code, out, _ = lint(capsys, "letters/a.txt", "--format", "json")
    assert code == 1
    [f] = json.loads(out)["documents"][0]["findings"]
    assert (f["code"], f["name"], f["source"]) == ("HR001", "house-no-hotline", "house style guide 3.2")


def test_a_broken_house_rule_file_is_a_configuration_error_with_file_and_line(capsys, letters):
    broken = write(letters / "house" / "rules.yaml", HOUSE_RULE.replace("    severity: error\n",
                                                                        "    severity: fatal\n"))
    write(letters / "transparency.toml", 'extend-rules = ["house/rules.yaml"]\n')
    code, out, err = lint(capsys, "letters/a.txt")
    assert code == 2 and f"{broken.resolve()}:5:" in err and "severity" in err


def test_colour_on_a_terminal_unless_no_color(monkeypatch):
    from transparency.commands.lint import _use_colour

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _use_colour(FakeTTY()) and not _use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _use_colour(FakeTTY())


def test_explicit_config_file(capsys, letters):
    conf = write(letters / "elsewhere" / "strict.toml", 'select = ["TM006"]\n')
    _, out, _ = lint(capsys, "letters/a.txt", "--config", str(conf), "--format", "json")
    assert {f["code"] for f in json.loads(out)["documents"][0]["findings"]} == {"TM006"}


def test_language_kind_and_tier_flags(capsys, letters):
    _, out, _ = lint(capsys, "letters/b.txt", "--language", "zh", "--kind", "notice", "--tier", "core",
                     "--format", "json")
    doc = json.loads(out)["documents"][0]
    assert (doc["language"], doc["kind"]) == ("zh", "notice")


# -- formats ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt, check", [
    ("json", lambda out: json.loads(out)["schema_version"] == "1"),
    ("sarif", lambda out: json.loads(out)["version"] == "2.1.0"),
    ("github", lambda out: out.startswith("::error file=letters/a.txt,title=")),
    ("text", lambda out: "\x1b[" not in out),
])
def test_every_format(capsys, letters, fmt, check):
    code, out, _ = lint(capsys, "letters", "--format", fmt)
    assert code == 1 and check(out), out[:300]


def test_statistics(capsys, letters):
    _, out, _ = lint(capsys, "letters", "--statistics", "--select", "TM003")
    assert out.splitlines()[0] == "2  TM003  [error]  time-absent"


def test_suppression_comments_work_through_the_cli(capsys, letters):
    write(letters / "letters" / "a.txt",
          "<!-- transparency: disable TM003 reason=\"法院裁定后另函通知\" -->\n" + LETTER
          + "<!-- transparency: disable-line TM006 -->\n")
    _, out, _ = lint(capsys, "letters/a.txt", "--select", "TM003,TS", "--format", "json")
    codes = [f["code"] for f in json.loads(out)["documents"][0]["findings"]]
    assert codes == ["TS001"]  # TM003 suppressed with a reason; TM006 is not selected, so not "unused"


def test_docx_html_and_gbk_copies_give_the_same_findings(capsys, letters):
    import docx

    write(letters / "copies" / "gbk.txt", LETTER.encode("gbk"))
    write(letters / "copies" / "page.html",
          "<html><body>" + "".join(f"<p>{x}</p>" for x in LETTER.splitlines()) + "</body></html>")
    document = docx.Document()
    for line in LETTER.splitlines():
        document.add_paragraph(line)
    document.save(str(letters / "copies" / "word.docx"))
    _, out, _ = lint(capsys, "letters/a.txt", "copies", "--format", "json")
    docs = json.loads(out)["documents"]
    assert len(docs) == 4
    signature = {d["path"]: [(f["code"], f["start"], f["end"]) for f in d["findings"]] for d in docs}
    assert len({tuple(v) for v in signature.values()}) == 1, signature


# -- progress bar ----------------------------------------------------------------------------------
class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal():
    tty, pipe = FakeTTY(), io.StringIO()
    for stream in (tty, pipe):
        bar = Progress(20, stream)
        for i in range(20):
            bar.step(f"f{i}.txt")
        bar.close()
    assert "20/20" in tty.getvalue() and "\r" in tty.getvalue()
    assert pipe.getvalue() == ""
    few = FakeTTY()
    Progress(3, few).step("x")
    assert few.getvalue() == ""


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys, letters):
    for i in range(15):
        write(letters / "many" / f"{i:02}.txt", LETTER)
    code, out, err = lint(capsys, "many", "--select", "TS")
    assert code == 0 and err == "" and "15 files checked" in out


# -- as a program ----------------------------------------------------------------------------------
def run_cli(tmp_path: Path, *argv: str, code: str = "") -> subprocess.CompletedProcess:
    """The command line in a fresh process, then ``code`` (which may inspect ``sys.modules``)."""
    runner = tmp_path / "run_cli.py"
    runner.write_text("import sys\nfrom transparency.cli import main\nstatus = main(sys.argv[1:])\n"
                      + code + "\nsys.exit(status)\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": ""}
    return subprocess.run([sys.executable, str(runner), *argv], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=120)


def test_the_plain_text_path_imports_no_heavy_library(tmp_path):
    write(tmp_path / "transparency.toml", "")
    write(tmp_path / "letter.txt", LETTER)
    proc = run_cli(tmp_path, "lint", "letter.txt", "--format", "json", code=textwrap.dedent("""
        heavy = sorted(m for m in ("pandas", "docx", "openpyxl", "matplotlib", "numpy") if m in sys.modules)
        print("HEAVY:", ",".join(heavy), file=sys.stderr)
    """))
    assert proc.returncode == 1, proc.stderr
    assert "HEAVY: \n" in proc.stderr, proc.stderr
    assert json.loads(proc.stdout)["documents"][0]["path"] == "letter.txt"


def test_stdin_and_no_colour_in_a_pipe(tmp_path):
    write(tmp_path / "transparency.toml", "")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    runner = tmp_path / "r.py"
    runner.write_text("import sys\nfrom transparency.cli import main\nsys.exit(main(sys.argv[1:]))\n",
                      encoding="utf-8")
    proc = subprocess.run([sys.executable, str(runner), "lint", "-"], input=LETTER.encode("gbk"),
                          capture_output=True, cwd=tmp_path, env=env, timeout=120)
    out = proc.stdout.decode()
    assert proc.returncode == 1 and "-: TM003 [error]" in out and "\x1b[" not in out
