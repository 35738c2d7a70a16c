"""Dropping duplicate records from a batch, in the main process, record by record in input order.

Workers send each record's key (id, source, body signature) beside its
bytes; one :class:`~newsclip.dedupe.Deduper` here decides for each record in
turn, so the first copy in input order is the one kept whatever ``--jobs``
is. A dropped record's bytes are left out of the outcome, and a line saying
what it duplicates goes to the report (``--duplicates FILE``).

A resumed run replays the keys the manifest logged for the inputs done
earlier: the decider ends up as the earlier run left it, so the rest is
decided exactly as in one whole run, and the report again lists every
dropped record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..dedupe import Decision, Deduper, MinHasher
from .job import Outcome, RecordKey


class DuplicateFilter:
    """Leaves out of each outcome the records that duplicate one kept earlier in the batch."""

    def __init__(self, mode: str, *, threshold: float, joiner: bytes, hasher: MinHasher | None = None,
                 report: TextIO | None = None) -> None:
        self.deduper = Deduper(mode, threshold=threshold, hasher=hasher)
        self.joiner = joiner
        self.report = report

    def apply(self, outcome: Outcome) -> Outcome:
        """``outcome`` with only its kept records' bytes (joined as the encoder joins them) and the counts."""
        if not outcome.ok or not outcome.keys:
            return outcome
        kept: list[bytes] = []
        pairs: list[tuple[str, str]] = []
        start = 0
        for key in outcome.keys:
            piece, start = outcome.data[start:key.end], key.end
            decision = self._decide(key)
            if decision.keep:
                kept.append(piece)
            elif decision.kept_id and key.id and decision.kept_id != key.id:  # an exact copy is the kept row
                pairs.append((decision.kept_id, key.id))
        dropped = len(outcome.keys) - len(kept)
        return outcome._replace(data=self.joiner.join(kept), records=len(kept), dropped=dropped,
                                duplicates=tuple(pairs))

    def replay(self, keys: Iterable[RecordKey]) -> None:
        """Decide again for records an earlier run already wrote (their bytes are not needed)."""
        for key in keys:
            self._decide(key)

    def _decide(self, key: RecordKey) -> Decision:
        decision = self.deduper.add_signed(key.id, key.source, key.signature)
        if not decision.keep and self.report is not None:
            line = decision.report({"id": key.id, "source": key.source})
            self.report.write(json.dumps(line, ensure_ascii=False) + "\n")
        return decision
