"""Word lists as data: the YAML lexicons under ``lexicons/``, loaded once and validated.

Every lexicon file is a mapping of group name -> list of phrases. The groups a file may have are
declared here (one :data:`SCHEMA` entry per file); a missing file, an unknown group, a group that is
not a list of non-empty strings, or a duplicate group is an error naming the file and the group.
A phrase is literal text; ``…`` inside it stands for a short gap within one sentence (``由…负责``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"

# file stem -> (required groups, optional groups)
SCHEMA: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "fold": (frozenset({"traditional_simplified"}), frozenset()),
    "time": (frozenset({"vague", "vague_relative", "concrete_relative", "festivals"}), frozenset()),
    "placeholder": (frozenset({"slot_words", "slot_words_en", "tbd"}), frozenset()),
    "money": (frozenset({
        "vague_amount", "refund_full", "refund_original_route", "refund_pro_rata", "refund_transfer", "refund_method",
        "refund_other", "interest_deposit_rate", "interest_lpr", "interest_generic",
        "compensation_vague", "compensation_waiver", "compensation_unchanged_policy",
        "compensation_credit", "compensation_basis"}), frozenset()),
    "parties": (frozenset({
        "surnames", "person_titles", "person_cues_before", "person_cues_after", "org_suffixes",
        "org_left_stops", "org_not_names", "generic", "support", "successor_verbs", "takeover_verbs", "role_after",
        "role_before", "support_words", "generic_mailboxes", "en_titles", "en_org_suffixes", "en_generic",
        "en_support"}), frozenset({"en_label_words"})),
    "reasons": (frozenset({
        "cues_before", "cues_after", "cues_section", "consequence", "decision", "clause_stops", "boilerplate",
        "boilerplate_standalone", "fillers", "link_only", "specific_facts", "not_causes"}), frozenset()),
    "plans": (frozenset({
        "takeover", "migration", "data_export", "handover", "postponement", "data_deletion",
        "refund", "vague", "objects", "we_subjects"}), frozenset()),
    "tone": (frozenset({
        "empty_empathy", "empty_invitation", "blame_shifting", "rights_excluding", "hedge",
        "apology", "commitment_agentless", "commitment_markers", "actor_subjects"}), frozenset()),
    "topics": (frozenset({
        "deposit_refund", "unperformed_contracts", "long_term_cooperation", "continuing_contact",
        "team_destination", "future_cooperation", "short_term_rights", "delay_reason", "next_update",
        "force_majeure", "renegotiation", "financial_status", "liquidation", "claim_declaration",
        "closure", "closure_verbs"}), frozenset()),
}


class LexiconError(ValueError):
    """A lexicon file that does not validate; the message names the file and the group."""


# Groups of one file that classify a phrase in opposite ways: a phrase may not be in both sides (a label
# is never also a checkable fact: 规划调整 cannot be both).
CONTRADICTING: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "reasons": (frozenset({"boilerplate", "boilerplate_standalone", "fillers"}), frozenset({"specific_facts"})),
}


def validate_lexicon(name: str, raw: object, path: str) -> dict[str, list[str]]:
    """Check one parsed lexicon file against :data:`SCHEMA`; return its groups."""
    required, optional = SCHEMA[name]
    if not isinstance(raw, dict):
        raise LexiconError(f"{path}: a lexicon must be a mapping of group name -> list of phrases")
    unknown = sorted(set(map(str, raw)) - required - optional)
    if unknown:
        raise LexiconError(f"{path}: unknown group(s) {unknown}; allowed: {sorted(required | optional)}")
    missing = sorted(required - set(raw))
    if missing:
        raise LexiconError(f"{path}: missing group(s) {missing}")
    out: dict[str, list[str]] = {}
    for group, phrases in raw.items():
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise LexiconError(f"{path}: group {group!r} must be a list of non-empty strings")
        out[str(group)] = [p.strip() for p in phrases]
        seen: set[str] = set()
        for p in out[str(group)]:
            if p.lower() in seen:
                raise LexiconError(f"{path}: group {group!r} lists {p!r} twice; keep one entry")
            seen.add(p.lower())
    labels, facts = CONTRADICTING.get(name, (frozenset(), frozenset()))
    as_label = {p.lower(): g for g in labels & set(out) for p in out[g]}
    for g in facts & set(out):
        for p in out[g]:
            if p.lower() in as_label:
                raise LexiconError(f"{path}: {p!r} is both a label ({as_label[p.lower()]}) and a checkable fact "
                                   f"({g}); decide which it is")
    return out


@cache
def lexicon(name: str) -> dict[str, list[str]]:
    """The validated lexicon ``lexicons/<name>.yaml`` (loaded once per process)."""
    import yaml  # lazy: only the first extraction pays for it

    if name not in SCHEMA:
        raise KeyError(f"unknown lexicon {name!r}")
    path = LEXICON_DIR / f"{name}.yaml"
    try:
        # The C build of the *safe* loader when libyaml is present (same semantics as yaml.safe_load,
        # ten times faster on these lists), the pure-Python safe loader otherwise.
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path.name}: cannot read the lexicon: {exc}") from exc
    return validate_lexicon(name, raw, f"lexicons/{path.name}")


@cache
def fold_table() -> dict[int, str]:
    """The translate table of :func:`transparency.extract.text.fold`, with the Traditional map."""
    from .text import build_fold_table

    pairs: dict[str, str] = {}
    for chunk in lexicon("fold")["traditional_simplified"]:
        chunk = chunk.replace(" ", "")
        if len(chunk) % 2:
            raise LexiconError(f"lexicons/fold.yaml: {chunk!r} is not a sequence of character pairs")
        for i in range(0, len(chunk), 2):
            if chunk[i] != chunk[i + 1]:
                pairs[chunk[i]] = chunk[i + 1]
    return build_fold_table(pairs)


# Groups matched as literal phrases by the one-pass PhraseIndex (the rest are used to build patterns).
PHRASE_GROUPS: dict[str, tuple[str, ...]] = {
    "time": ("vague", "vague_relative", "concrete_relative", "festivals"),
    "placeholder": ("tbd",),
    "money": tuple(g for g in SCHEMA["money"][0] if g != "vague_amount"),
    "parties": ("generic", "support", "en_generic", "en_support"),
    "reasons": ("cues_before", "cues_after", "cues_section", "consequence", "decision", "link_only",
                "specific_facts", "not_causes", "boilerplate_standalone"),
    "plans": tuple(SCHEMA["plans"][0]),
    "tone": ("empty_empathy", "empty_invitation", "blame_shifting", "rights_excluding", "hedge",
             "apology", "commitment_agentless", "actor_subjects"),
    "topics": tuple(SCHEMA["topics"][0]),
}


@cache
def phrase_index():
    """One :class:`~transparency.extract.text.PhraseIndex` over every phrase group."""
    from .text import PhraseIndex, fold

    table = fold_table()
    phrases: dict[str, list[tuple[str, str]]] = {}
    for name, groups in PHRASE_GROUPS.items():
        lex = lexicon(name)
        for group in sorted(groups):
            for phrase in lex[group]:
                # Fold the phrase like the text (聯繫 -> 联系, ： -> :), so that either form matches.
                phrases.setdefault(fold(phrase, table), []).append((name, group))
    return PhraseIndex(phrases)
