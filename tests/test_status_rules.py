"""Status rules (matrices/statuses.yaml) and the relation stage (matrices/relations.yaml).

The decisions that make a dimension concrete, vague or absent are data run by the engine: each rule's
examples run here, both backends must decide identically (on the corpora and on generated fact sets),
bad files are load errors naming file and line, and a house policy changes what it should and no more.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transparency.engine import available_backends
from transparency.errors import ConfigError
from transparency.extract import extract
from transparency.measure import COLUMNS, corpus_sets
from transparency.models import Document, Evidence, Span
from transparency.relate import relate
from transparency.relate.spec import default_relations, load_relations
from transparency.status import decide, default_status_rules, load_status_rules
from transparency.status.decide import run_status_rules

CORPUS = Path(__file__).resolve().parent / "corpus"
RULES = default_status_rules()
DURABLE = pytest.mark.skipif("durable" not in available_backends(), reason="durable_rules is not importable")


def _examples():
    for rule in RULES.rules:
        for lang, ex in rule.spec.examples.items():
            for expect, items in (("match", ex.match), ("no_match", ex.no_match)):
                for item in items:
                    text = item if isinstance(item, str) else item.text
                    yield pytest.param(rule, lang, expect, text, id=f"{rule.code}-{lang}-{expect}-{text[:12]}")


def _run(text: str, language: str, rules=None, backend=None):
    doc = Document(text=text, language=language)
    return run_status_rules(doc, relate(doc, extract(doc)), rules or RULES, backend)


@pytest.mark.parametrize("rule, lang, expect, text", list(_examples()))
def test_status_rule_examples(rule, lang, expect, text):
    results, held = _run(text, lang)
    if expect == "match":
        assert rule.code in held, f"{rule.code} should hold on {text!r}"
        assert results[rule.dimension].status == rule.status
    else:
        assert rule.code not in held, f"{rule.code} should not hold on {text!r}"


def test_every_status_rule_is_documented_with_examples_in_both_languages():
    for rule in RULES.rules:
        assert rule.spec.why.strip(), rule.code
        assert set(rule.spec.examples) == {"zh", "en"}, f"{rule.code}: examples in zh and en"
        assert all(ex.no_match for ex in rule.spec.examples.values()), f"{rule.code}: a no_match example"


def test_every_dimension_is_decided_by_rules_or_by_another_dimension():
    decided = {d for layer, _ in RULES.layers for d in layer}
    same = {d for d, spec in RULES.dimensions.items() if spec.same_as}
    assert decided | same == set(COLUMNS) and not decided & same
    # owner tests plan's status, so it is decided in a later layer
    order = [d for layer, _ in RULES.layers for d in layer]
    assert order.index("owner") > order.index("plan")


def test_the_deciding_rule_is_reported():
    results, _ = _run("本店将于X月X日停止营业。", "zh")
    assert (results["time"].status, results["time"].decided_by) == ("vague", "SR202")
    assert "unfilled date placeholders" in results["time"].looked_for
    assert results["reason"].decided_by is None and results["reason"].status == "absent"


# -- both backends decide identically ---------------------------------------------------------------
def _corpus_documents():
    docs = [d for ds in corpus_sets(CORPUS).values() for d in ds]
    return [Document(text=d.text, language=d.language, path=d.path) for d in docs]


@DURABLE
def test_backends_decide_identically_on_every_corpus_document():
    for doc in _corpus_documents():
        related = relate(doc, extract(doc))
        a, _ = decide(doc, related, backend="python")
        b, _ = decide(doc, related, backend="durable")
        assert {k: (v.status, v.decided_by, [e.span.start for e in v.evidence]) for k, v in a.items()} == \
               {k: (v.status, v.decided_by, [e.span.start for e in v.evidence]) for k, v in b.items()}, doc.path


def _evidence_strategy():
    kinds = {"reason": ("specific", "boilerplate"), "time": ("date", "vague", "clock"),
             "placeholder": ("date", "name"), "party": ("person", "organisation", "successor", "generic"),
             "contact": ("phone", "email", "address", "form"), "refund": ("full", "method", "original_route"),
             "compensation": ("vague", "waiver"), "money": ("amount", "vague_amount"),
             "interest": ("rate", "generic"), "plan": ("takeover", "refund", "vague"),
             "commitment": ("agentless",)}
    attrs = sorted({a for names in default_relations().attrs.values() for a in names}
                   | {"role", "signature", "generic", "has_actor"})

    @st.composite
    def one(draw):
        kind = draw(st.sampled_from(sorted(kinds)))
        start = draw(st.integers(0, 90))
        return Evidence(kind=kind, subkind=draw(st.sampled_from(kinds[kind])),
                        quality=draw(st.sampled_from(("concrete", "vague"))),
                        span=Span(start=start, end=start + 3, line=1, column=start + 1, text="xxx"),
                        attrs={a: draw(st.booleans()) for a in draw(st.sets(st.sampled_from(attrs), max_size=6))})
    return st.lists(one(), max_size=12)


@DURABLE
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_evidence_strategy())
def test_backends_decide_identically_on_generated_fact_sets(evidence):
    doc = Document(text="x" * 100, language="zh")
    a, _ = run_status_rules(doc, evidence, RULES, "python")
    b, _ = run_status_rules(doc, evidence, RULES, "durable")
    assert {k: (v.status, v.decided_by) for k, v in a.items()} == {k: (v.status, v.decided_by) for k, v in b.items()}


@settings(max_examples=100, deadline=None)
@given(_evidence_strategy())
def test_owner_is_absent_exactly_when_plan_is_absent(evidence):
    results, _ = run_status_rules(Document(text="x" * 100, language="zh"), evidence, RULES, "python")
    assert (results["owner"].status == "absent") == (results["plan"].status == "absent")
    assert results["cause"].status == results["reason"].status


# -- the relation stage ---------------------------------------------------------------------------
def test_relations_mark_a_named_party_beside_its_channel():
    doc = Document(text="您的对接人张明经理，电话021-5968 1234。", language="zh")
    related = relate(doc, extract(doc))
    phone = next(e for e in related if e.kind == "contact")
    assert phone.attrs["near_named_party"] is True
    assert any(e.kind == "party" and e.attrs.get("near_channel") for e in related)


def test_relations_mark_a_date_alone_on_its_line_as_the_letter_date():
    doc = Document(text="本店停止营业。\n\n2024年5月20日\n", language="zh")
    [date] = [e for e in relate(doc, extract(doc)) if e.kind == "time"]
    assert date.attrs["dateline"] is True


def test_a_word_inside_a_firms_name_is_marked_in_name():
    doc = Document(text="Claims go to the administrators, Harbour Insolvency LLP, at 4 Quay Street.", language="en")
    [word] = [e for e in relate(doc, extract(doc)) if e.kind == "topic"]
    assert word.attrs["in_name"] is True
    doc = Document(text="公司已进入破产清算程序。", language="zh")
    [word] = [e for e in relate(doc, extract(doc)) if e.kind == "topic"]
    assert word.attrs["in_name"] is False


def test_relations_keep_spans_and_add_only_attributes():
    doc = Document(text="预付款将于2024年4月30日前全额退还至原付款账户。", language="zh")
    before = extract(doc)
    after = relate(doc, before)
    assert [(e.kind, e.subkind, e.span) for e in before] == [(e.kind, e.subkind, e.span) for e in after]
    assert all(set(b.attrs) <= set(a.attrs) for b, a in zip(before, after))


# -- load-time validation -----------------------------------------------------------------------
def _write(tmp_path: Path, name: str, body: str) -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return p


def _problems(exc: pytest.ExceptionInfo) -> str:
    return "\n".join(str(p) for p in exc.value.problems)


def test_an_unknown_attribute_in_a_status_rule_names_file_and_line(tmp_path):
    f = _write(tmp_path, "house.yaml", """\
        rules:
          - code: HP301
            name: responsibility-person-with-phone
            dimension: responsibility
            status: concrete
            when: {requires: {fact: party, colour: red}}
            why: house policy
            examples:
              zh: {match: ["x"]}
        """)
    with pytest.raises(ConfigError) as exc:
        load_status_rules([f])
    assert f"{f}:6: HP301: unknown attribute of 'party' 'colour'" in _problems(exc)


def test_an_unknown_key_or_dimension_is_an_error(tmp_path):
    f = _write(tmp_path, "house.yaml", """\
        rules:
          - code: HP101
            name: reason-x
            dimension: motive
            status: concrete
            when: {requires: {fact: reason}}
            why: x
            colour: red
            examples:
              zh: {match: ["x"]}
        """)
    with pytest.raises(ConfigError) as exc:
        load_status_rules([f])
    text = _problems(exc)
    assert f"{f}:4: rules.0.dimension" in text and f"{f}:8: rules.0.colour" in text


def test_disabling_an_unknown_code_is_an_error(tmp_path):
    f = _write(tmp_path, "house.yaml", "disable: [SR999]\n")
    with pytest.raises(ConfigError) as exc:
        load_status_rules([f])
    assert "no status rule 'SR999' to disable" in _problems(exc)


def test_a_dependency_cycle_is_a_load_error(tmp_path):
    f = _write(tmp_path, "house.yaml", """\
        rules:
          - code: HP501
            name: plan-after-owner
            dimension: plan
            status: vague
            when: {requires: {fact: status, dimension: owner, status: concrete}}
            why: a cycle
            examples:
              zh: {match: ["x"]}
        """)
    with pytest.raises(ConfigError, match="cycle"):
        load_status_rules([f])


def test_replacing_all_rules_still_needs_every_dimension_described(tmp_path):
    f = _write(tmp_path, "house.yaml", "replace: true\n")
    rules = load_status_rules([f])  # dimensions keep the default's descriptions
    results, held = _run("由于种种原因，本店将于2024年3月31日停止营业。", "zh", rules)
    assert not held and all(r.status == "absent" for r in results.values())


def test_a_relation_to_an_unknown_class_is_an_error(tmp_path):
    f = _write(tmp_path, "relations.yaml", """\
        classes:
          a: [{fact: party}]
        relations:
          - {name: near_b, of: a, to: b, scope: together, doc: x}
        """)
    with pytest.raises(ConfigError) as exc:
        load_relations(f)
    assert f"{f}:4: relation near_b: unknown class 'b'" in _problems(exc)


# -- a house policy -------------------------------------------------------------------------------
HOUSE = """\
    # Only a named person with a phone number is a concrete accountable party.
    disable: [SR304]   # the operator with its own hotline or mailbox is not enough for this company
    rules:
      - code: SR301
        name: responsibility-named-person-with-phone
        dimension: responsibility
        status: concrete
        when:
          all_of:
            - requires: {fact: party, subkind: person, quality: concrete, role: true, near_channel: true}
            - requires: {fact: contact, subkind: phone, quality: concrete, generic: false, near_named_party: true}
        why: Our clients want a person they can call.
        examples:
          zh: {match: ["您的对接人张明经理，电话021-5968 1234。"], no_match: ["后续由招商服务中心负责，邮箱 zs@example.cn。"]}
          en: {match: ["Your contact is Jane Smith, +1 415 555 0100."], no_match: ["Contact the Client Team at team@example.com."]}
    """


def test_a_house_policy_changes_responsibility_and_nothing_else(tmp_path):
    house = load_status_rules([_write(tmp_path, "policy.yaml", HOUSE)])
    assert not house.is_default
    changed_docs = 0
    for doc in _corpus_documents():
        related = relate(doc, extract(doc))
        a, fa = decide(doc, related)
        b, fb = decide(doc, related, house)
        before = {**{k: v.status for k, v in a.items()}, "plan": fa.plan.status, "owner": fa.owner.status}
        after = {**{k: v.status for k, v in b.items()}, "plan": fb.plan.status, "owner": fb.owner.status}
        assert {k for k in before if before[k] != after[k]} <= {"responsibility"}, doc.path
        if before != after:
            assert (before["responsibility"], after["responsibility"]) == ("concrete", "vague")
            changed_docs += 1
    assert changed_docs > 0


def test_a_house_policy_in_the_configuration_is_used_and_reported(tmp_path):
    from transparency import evaluate
    from transparency.config import load_config

    _write(tmp_path, "policy.yaml", HOUSE)
    cfg = _write(tmp_path, "transparency.toml", 'status-rules = ["policy.yaml"]\n')
    config = load_config(cfg)
    text = "后续由招商服务中心负责，邮箱 zs@example.cn。本店将于2024年3月31日停止营业。"
    default = evaluate(text, language="zh")
    house = evaluate(text, language="zh", config=config)
    assert default.matrix["responsibility"].status == "concrete"
    assert house.matrix["responsibility"].status == "vague"
    assert house.explanation.status_rules == [str(tmp_path / "policy.yaml")]
    assert default.explanation.status_rules == []


def test_the_explanation_names_the_deciding_rule_per_dimension():
    from transparency import evaluate

    ev = evaluate("由于种种原因，本店将于2024年3月31日停止营业。", language="zh")
    assert ev.explanation.decided_by["reason"] == "SR102"
    assert ev.explanation.decided_by["time"] == "SR201"
    assert ev.explanation.decided_by["compensation"] is None


def test_lint_and_report_say_when_house_status_rules_were_used(tmp_path, capsys):
    import json
    import shutil

    from transparency import cli

    _write(tmp_path, "policy.yaml", HOUSE)
    _write(tmp_path, "transparency.toml", 'status-rules = ["policy.yaml"]\n')
    letter = tmp_path / "letter.txt"
    letter.write_text("后续由招商服务中心负责，邮箱 zs@example.cn。本店将于2024年3月31日停止营业。", encoding="utf-8")
    cli.main(["lint", str(letter), "--exit-zero"])
    assert "Status rules: house policy" in capsys.readouterr().out
    cli.main(["lint", str(letter), "--format", "json", "--exit-zero"])
    doc = json.loads(capsys.readouterr().out)["documents"][0]
    assert doc["explanation"]["status_rules"] == [str(tmp_path / "policy.yaml")]
    assert doc["matrix"]["responsibility"]["status"] == "vague"

    case = tmp_path / "case"
    shutil.copytree(Path(__file__).resolve().parents[1] / "examples" / "case", case)
    cli.main(["report", str(case), "--format", "json", "--fail-on", "never"])
    assert json.loads(capsys.readouterr().out)["status_rules"] == [str(tmp_path / "policy.yaml")]
    cli.main(["report", str(Path(__file__).resolve().parents[1] / "examples" / "case"), "--format", "json",
              "--fail-on", "never"])
    assert json.loads(capsys.readouterr().out)["status_rules"] == []


def test_the_explanation_says_which_better_status_rules_did_not_hold():
    from transparency import evaluate

    ev = evaluate("由于种种原因，本店将于2024年3月31日停业。", language="zh")
    assert set(ev.explanation.status_rules_not_held["reason"]) == {"SR101"}  # vague: the concrete rule failed
    absent = ev.explanation.status_rules_not_held["compensation"]
    assert {"SR401", "SR402"} <= set(absent)  # absent: every concrete and vague rule failed
    assert "time" not in ev.explanation.status_rules_not_held  # concrete: nothing better to look for
