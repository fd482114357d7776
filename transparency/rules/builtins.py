"""Checks implemented in code and declared in rule files with ``check: {builtin: NAME}``.

Some checks need more than facts: a suppression comment that suppressed nothing is known only after
all findings exist; a letter that contradicts its client's checklist needs both documents. Their rules
still live in rule files (code, name, message, documentation, examples); the engine skips them and the
stage named here produces their findings. An unknown builtin name is an error at load time.
"""

from __future__ import annotations

# name -> (target, the module that implements it, what it checks)
BUILTINS: dict[str, tuple[str, str, str]] = {
    "suppression-without-reason": (
        "document", "transparency.suppress", "a suppression comment that gives no reason"),
    "unused-suppression": (
        "document", "transparency.suppress", "a suppression comment that suppresses no finding"),
    "letter-checklist-mismatch": (
        "checklist", "transparency.checklist.crosscheck",
        "an amount, deadline or owner the letter states differently from the checklist"),
}
