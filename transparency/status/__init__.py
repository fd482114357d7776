"""Status rules: the transparency matrix's decisions (concrete / vague / absent) as data.

``matrices/statuses.yaml`` holds the default rules; ``load_status_rules(paths)`` adds a house policy;
``decide(document, evidence)`` runs them on the rule engine. See docs/status-rules.md.
"""

from .decide import decide
from .rules import StatusRule, StatusRuleError, StatusRules, default_status_rules, load_status_rules

__all__ = ["StatusRule", "StatusRuleError", "StatusRules", "decide", "default_status_rules", "load_status_rules"]
