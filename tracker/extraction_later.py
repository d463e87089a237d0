"""Rule 2's later verb on a place named twice (`tracker.extraction`): when a sentence names a place
a second time, fighting read on its first mention yields to a side's taking, losing or holding
read after it on the same place ("اقتحمت قوات النظام حي X صباح اليوم، وسيطرت على كامل حي X":
the storming ends in the taking, X is the government's, not contested). Fighting read after the
taking stands beside it ("took X, but fighting broke out again in X")."""

from __future__ import annotations

import re

FOUGHT = "fights: "
RULE_VERB = re.compile(r"“(?P<verb>[^”]+)”")


def _verb_at(proposal) -> int:
    """Where the verb a proposal was made by stands in its quote (-1 if not found)."""
    found = RULE_VERB.search(proposal.rule)
    return proposal.quote.find(found["verb"]) if found else -1


def _same_sentence(one, other) -> bool:
    """Whether two proposals quote one sentence (a long sentence's quotes are windows of it)."""
    return one.quote == other.quote or one.quote[len(one.quote) // 3 :][:60] in other.quote


def later_stronger(proposals: list) -> list:
    """The proposals without a contested one of fighting on a place that a later proposal of its
    sentence, by a verb after the fighting verb, gives to a side."""
    kept = []
    for i, p in enumerate(proposals):
        stronger = (
            p.controller == "contested"
            and p.rule.startswith(FOUGHT)
            and any(
                q.place.label == p.place.label
                and q.controller != "contested"
                and _same_sentence(p, q)
                and _verb_at(q) > _verb_at(p) >= 0
                for q in proposals[i + 1 :]
            )
        )
        if not stronger:
            kept.append(p)
    return kept
