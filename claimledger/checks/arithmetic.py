"""Arithmetic between figures of one report: percent_of, percent_change, sum and change.

A relation is checked only when the words of the report tie its figures together. The work is
split in two steps:

1. **find candidates** from cue words and layout (``layout`` holds the sentence cutting and the
   cue patterns): a part restated as a share ("400 of them, or 20%"), a whole after "of the", a
   base named by "of whom" / "из них" / "davon", a before and after in "from A to B" or
   "B, up from A", a list of parts under a total ("Of those, ...") or before one ("..., 3,000
   in all"), an increment after a total ("461,940 (+880)");
2. **judge** each candidate with the tolerance rules (``tolerance.interval_of``): a relation
   holds when some values inside the intervals the written figures stand for satisfy it.

``percent`` judges percent_of and percent_change; ``sums`` judges sum and change.
"""

from __future__ import annotations

from ..model import Check, Document, Quantity
from .layout import layout
from .percent import multiplier_checks, percent_change_checks, percent_of_checks
from .sums import change_checks, sum_checks


def check_arithmetic(doc: Document, quantities: list[Quantity]) -> list[Check]:
    """Recomputable relations (percent_of, percent_change, sum, change) with their status."""
    if not quantities:
        return []
    lay = layout(doc.text, list(quantities))
    return (percent_of_checks(lay) + multiplier_checks(lay) + percent_change_checks(lay)
            + sum_checks(lay) + change_checks(lay))
