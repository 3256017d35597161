"""Follow-up rules (spec/rules.md): rule sets as data, the replay, stored alerts, mail.

The engine (`ruleset`, `kinds`, `world`, `engine`, `compliance`) is pure: no Django.
The Django app (label `rules`) stores alerts and the mail outbox (`models`, `store`,
`mail`, `status`).
"""

from samraad.rules.engine import alerts_between, replay
from samraad.rules.kinds import KINDS, RuleSetError
from samraad.rules.ruleset import RuleHistory, RuleSet, default_ruleset, load_ruleset

__all__ = [
    "KINDS",
    "RuleHistory",
    "RuleSet",
    "RuleSetError",
    "alerts_between",
    "default_ruleset",
    "load_ruleset",
    "replay",
]
