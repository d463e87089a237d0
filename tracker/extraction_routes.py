"""Where a side went, as the claim proposer reads it (rule 2 of `tracker.extraction`).

A place after "to", "into" or "towards" following a verb of withdrawing is where the side went
("rebels withdrew from X to Y", "to (nearby) Y", "ушли в Y", not "в районе Y", in the area of;
"zogen sich nach Y zurück"), but only the first such word after the verb names it: a later one
belongs to another clause ("the deal to evacuate fighters from X was pushed to the brink, and
the army sent troops to Y": the fighters did not go to Y). Split from
`tracker.extraction_words`, which reads it as `DESTINATION`, for `tracker.extraction_verbs` and
`tracker.extraction_recipient`.
"""

from __future__ import annotations

import re

# The gap between a verb and its place: no earlier "to" (into, towards) in it than the last one.
DESTINATION = re.compile(
    r"^(?:(?!\b(?:to|into|towards?)\b).)*"
    r"(?:\b(?:to|into|towards?)\s+(?:the\s+)?(?:\(?[\w'’-]+\)?\s+){0,2}"
    r"|(?<!\w)(?:в|во|к)\s+(?:[^\W\d_]+(?<!е)\s+){0,2}|\b(?:nach|in\s+Richtung)\s+)$",
    re.IGNORECASE | re.DOTALL,
)
