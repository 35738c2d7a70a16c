"""Duplicate articles found in one pass: exact copies by ``id``, near copies by MinHash of the body.

The same wire story republished by several sites differs in a dateline, a
sentence, a credit line: its ``id`` (a hash of the URL) differs, but most of
its five-word phrases ("shingles") are the same. Near duplicates are the
pairs whose shingle sets have a Jaccard similarity of at least ``threshold``.

How, in time linear in the number of articles:

* Each body becomes a MinHash signature of ``num_perm`` 32-bit values, built
  with one hash per shingle (*one permutation hashing*: a shingle's 64-bit
  BLAKE2b hash picks a bin and a value; each bin keeps its smallest value)
  and *optimal densification* (an empty bin borrows the value of the first
  filled bin along a fixed pseudo-random probe order). Two signatures agree in
  a position with probability equal to the Jaccard similarity of the two
  shingle sets. Hash keys and probe orders come from fixed seeds, so the
  signature of a text is the same in every process and on every run
  (Python's own ``hash`` of a string is randomised per process and is never
  used for that).
* Locality-sensitive hashing: the signature is cut into ``bands`` bands of
  ``rows`` values; records that agree on a whole band land in the same
  bucket and only those are compared. ``rows`` is chosen as large as it can
  be while a pair right at the threshold still shares a band with
  probability ≥ 99 % (0.8 → 21 bands of 6 rows).
* A candidate is confirmed when the signatures agree in at least
  ``threshold`` of all positions (the estimated Jaccard similarity).

Every record costs ``bands`` dictionary look-ups plus at most
``bands × max_bucket`` signature comparisons (a bucket stops growing at
``max_bucket`` records), which does not depend on how many records came
before: there is no all-pairs loop, and the whole pass is O(n). Memory is
the index of the kept records: per record its id, source, a signature of
``4 × num_perm`` bytes and one bucket entry per band — about 2 KB with the
defaults (``exact`` mode keeps only ids and sources).

The first record seen is kept; a later one that duplicates it is dropped,
and the kept record's ``duplicates`` lists the dropped one's id (an exact
copy has the kept record's own id, so it is not listed again). Only kept
records are indexed, so a chain A ≈ B ≈ C where C is not close to A keeps
A and C.
"""

from __future__ import annotations

import functools
import hashlib
import operator
import re
import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: The duplicate-detection modes: ``exact`` (same id) and ``near`` (same id, or similar body).
MODES: tuple[str, ...] = ("exact", "near")
#: Estimated Jaccard similarity of the bodies' shingle sets from which two records are near duplicates.
DEFAULT_THRESHOLD = 0.8
#: Values in a MinHash signature.
DEFAULT_NUM_PERM = 128
#: Words per shingle.
DEFAULT_SHINGLE_WORDS = 5
#: Bodies shorter than this many words get no signature (too short to tell a copy from a cliché).
DEFAULT_MIN_WORDS = 20
#: Most kept records one LSH bucket holds; keeps the work per record bounded.
DEFAULT_MAX_BUCKET = 64
#: Chance that a pair right at the threshold shares at least one band.
TARGET_RECALL = 0.99

_WORD = re.compile(r"\w+")
_VALUE_MASK = 0xFFFFFFFF
_EMPTY = _VALUE_MASK + 1
_HASH_KEY = b"newsclip-minhash"
_PROBE_KEY = b"newsclip-probes"


# ---------------------------------------------------------------------------
# Signatures


@dataclass(frozen=True, slots=True)
class MinHasher:
    """Turns a text into a MinHash signature (``bytes``, ``4 × num_perm`` long); picklable, so workers can use it."""

    num_perm: int = DEFAULT_NUM_PERM
    shingle_words: int = DEFAULT_SHINGLE_WORDS
    min_words: int = DEFAULT_MIN_WORDS
    seed: int = 0

    def __post_init__(self) -> None:
        if self.num_perm < 2 or self.shingle_words < 1 or self.min_words < 1:
            raise ValueError("num_perm must be at least 2, shingle_words and min_words at least 1")

    def signature(self, text: str | None) -> bytes | None:
        """The signature of ``text``, or None when it has fewer than ``min_words`` words."""
        words = _WORD.findall(text.casefold()) if text else []
        if len(words) < max(self.min_words, self.shingle_words):
            return None
        bins = self._bins(shingles(words, self.shingle_words))
        _densify(bins, _probe_orders(self.num_perm, self.seed))
        return struct.pack(f"<{self.num_perm}I", *bins)

    def _bins(self, items: Iterable[str]) -> list[int]:
        """One permutation hashing: each shingle's hash picks a bin, each bin keeps its smallest value."""
        k = self.num_perm
        keyed = hashlib.blake2b(digest_size=8, key=_HASH_KEY + self.seed.to_bytes(8, "little", signed=True))
        bins = [_EMPTY] * k
        for item in items:
            hasher = keyed.copy()  # the key is set up once, not once per shingle
            hasher.update(item.encode("utf-8", "surrogatepass"))
            number = int.from_bytes(hasher.digest(), "little")
            slot, value = number % k, (number // k) & _VALUE_MASK
            if value < bins[slot]:
                bins[slot] = value
        return bins


def shingles(words: list[str], size: int) -> set[str]:
    """The set of ``size``-word phrases of ``words`` (the whole text as one shingle if it is shorter)."""
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def _densify(bins: list[int], probes: tuple[tuple[int, ...], ...]) -> None:
    """Fill each empty bin with the value of the first originally filled bin in its probe order."""
    filled = [value != _EMPTY for value in bins]
    if all(filled):
        return
    original = list(bins)
    for i, is_filled in enumerate(filled):
        if not is_filled:
            for j in probes[i]:
                if filled[j]:
                    bins[i] = original[j]
                    break


@functools.lru_cache(maxsize=8)
def _probe_orders(num_perm: int, seed: int) -> tuple[tuple[int, ...], ...]:
    """For each bin, the other bins in a fixed pseudo-random order (the same in every process)."""
    key = _PROBE_KEY + seed.to_bytes(8, "little", signed=True)

    def rank(i: int, j: int) -> bytes:
        return hashlib.blake2b(f"{i}:{j}".encode("ascii"), digest_size=8, key=key).digest()

    return tuple(
        tuple(sorted((j for j in range(num_perm) if j != i), key=functools.partial(rank, i)))
        for i in range(num_perm)
    )


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures: the share of positions where they agree."""
    if len(a) != len(b) or not a:
        return 0.0
    count = len(a) // 4
    left = struct.unpack(f"<{count}I", a)
    right = struct.unpack(f"<{count}I", b)
    return sum(map(operator.eq, left, right)) / count


def choose_bands(num_perm: int, threshold: float, recall: float = TARGET_RECALL) -> tuple[int, int]:
    """``(bands, rows)``: the most rows per band for which a pair at ``threshold`` still meets in a band with ``recall``.

    More rows per band means fewer chance candidates (and fewer buckets to
    keep); the recall condition keeps true near duplicates from being missed.
    """
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if 1.0 - (1.0 - threshold ** rows) ** bands >= recall:
            return bands, rows
    return num_perm, 1


# ---------------------------------------------------------------------------
# Decisions


@dataclass(frozen=True, slots=True)
class Decision:
    """What :meth:`Deduper.add` decided for one record: keep it, or drop it as a copy of a kept one."""

    keep: bool
    #: ``exact`` (same id) or ``near`` (similar body) for a dropped record.
    kind: str | None = None
    #: The kept record it duplicates.
    kept_id: str | None = None
    kept_source: str | None = None
    #: Estimated Jaccard similarity to the kept record's body (1.0 for an exact copy).
    similarity: float | None = None
    #: Position of the kept record among the records kept so far (0 = the first kept).
    kept_index: int | None = None

    def report(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """The report line for the dropped ``record``: kept, dropped, similarity, kind and both sources."""
        return {
            "kept": self.kept_id,
            "dropped": record.get("id"),
            "similarity": round(self.similarity, 4) if self.similarity is not None else None,
            "kind": self.kind,
            "kept_source": self.kept_source,
            "dropped_source": record.get("source"),
        }


KEEP = Decision(keep=True)


class Deduper:
    """Decides record by record whether each is a duplicate of one seen before; streaming, O(1) work per record.

    ``add(record)`` reads the record's ``id``, ``source`` and ``body``;
    ``add_signed`` takes a signature computed elsewhere (e.g. in a worker
    process with the same :class:`MinHasher`).
    """

    def __init__(self, mode: str = "near", *, threshold: float = DEFAULT_THRESHOLD,
                 hasher: MinHasher | None = None, max_bucket: int = DEFAULT_MAX_BUCKET) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown duplicate mode {mode!r} (choose from {', '.join(MODES)})")
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"the similarity threshold must be above 0 and at most 1, not {threshold}")
        self.mode = mode
        self.threshold = threshold
        self.hasher = hasher or MinHasher()
        self.bands, self.rows = choose_bands(self.hasher.num_perm, threshold)
        self.max_bucket = max(1, max_bucket)
        self.kept = 0
        self.dropped = 0
        #: Signature comparisons made so far (at most ``bands × max_bucket`` per record).
        self.comparisons = 0
        self._slots: dict[str, int] = {}  # id seen -> slot of the kept record it resolved to
        self._near: dict[str, float] = {}  # id dropped as a near copy -> its similarity
        self._kept_ids: list[str | None] = []
        self._kept_sources: list[str | None] = []
        self._signatures: list[bytes | None] = []
        self._tables: list[dict[int, int | list[int]]] = [{} for _ in range(self.bands)]

    def add(self, record: Mapping[str, Any]) -> Decision:
        """Decide for one record (its ``duplicates`` key, if any, is not read)."""
        record_id, source = _text(record.get("id")), _text(record.get("source"))
        if self.mode == "exact" or (record_id is not None and record_id in self._slots):
            return self.add_signed(record_id, source, None)
        return self.add_signed(record_id, source, self.hasher.signature(_text(record.get("body"))))

    def add_signed(self, record_id: str | None, source: str | None, signature: bytes | None) -> Decision:
        """Decide for a record given its id, source and body signature (None: no near check).

        The signature must come from a :class:`MinHasher` configured like
        ``self.hasher`` (the same ``num_perm``, ``shingle_words``, ``seed``).
        """
        if record_id is not None and record_id in self._slots:
            return self._drop(record_id, self._slots[record_id], "exact")
        if self.mode == "near" and signature is not None:
            match = self._best_match(signature)
            if match is not None:
                slot, score = match
                if record_id is not None:
                    self._slots[record_id] = slot
                    self._near[record_id] = score
                self.dropped += 1
                return Decision(False, "near", self._kept_ids[slot], self._kept_sources[slot], score, slot)
        self._keep(record_id, source, signature if self.mode == "near" else None)
        return KEEP

    def _drop(self, record_id: str, slot: int, kind: str) -> Decision:
        self.dropped += 1
        score = self._near.get(record_id, 1.0)
        return Decision(False, kind, self._kept_ids[slot], self._kept_sources[slot], score, slot)

    def _best_match(self, signature: bytes) -> tuple[int, float] | None:
        """The most similar kept record at or above the threshold (the earliest on a tie), or None."""
        best: tuple[int, float] | None = None
        for slot in sorted(self._candidates(signature)):
            self.comparisons += 1
            kept = self._signatures[slot]
            score = similarity(signature, kept) if kept is not None else 0.0
            if score >= self.threshold and (best is None or score > best[1]):
                best = (slot, score)
        return best

    def _candidates(self, signature: bytes) -> set[int]:
        found: set[int] = set()
        for band, key in enumerate(self._band_keys(signature)):
            entry = self._tables[band].get(key)
            if entry is None:
                continue
            if isinstance(entry, int):
                found.add(entry)
            else:
                found.update(entry)
        return found

    def _keep(self, record_id: str | None, source: str | None, signature: bytes | None) -> None:
        slot = len(self._kept_ids)
        self._kept_ids.append(record_id)
        self._kept_sources.append(source)
        self._signatures.append(signature)
        if record_id is not None:
            self._slots[record_id] = slot
        if signature is not None:
            for band, key in enumerate(self._band_keys(signature)):
                self._index(self._tables[band], key, slot)
        self.kept += 1

    def _index(self, table: dict[int, int | list[int]], key: int, slot: int) -> None:
        entry = table.get(key)
        if entry is None:
            table[key] = slot
        elif isinstance(entry, int):
            table[key] = [entry, slot]
        elif len(entry) < self.max_bucket:
            entry.append(slot)

    def _band_keys(self, signature: bytes) -> list[int]:
        """One bucket key per band: the band's bytes hashed to an int (smaller to keep than the bytes).

        The index lives in this process only, so Python's per-process hash is
        fine here; a rare hash collision only adds a candidate, which the
        signature comparison then rejects.
        """
        width = 4 * self.rows
        return [hash(signature[band * width:(band + 1) * width]) for band in range(self.bands)]


# ---------------------------------------------------------------------------
# A whole list at once


@dataclass(slots=True)
class DedupeResult:
    """The outcome of :func:`dedupe`: the records kept (with ``duplicates``) and one report line per dropped one."""

    kept: list[dict[str, Any]] = field(default_factory=list)
    dropped: list[dict[str, Any]] = field(default_factory=list)


def dedupe(records: Iterable[Mapping[str, Any]], mode: str = "near", *, threshold: float = DEFAULT_THRESHOLD,
           hasher: MinHasher | None = None) -> DedupeResult:
    """Drop duplicates from a list of records, for callers that hold one; first seen kept, order kept.

    Each kept record is a copy with ``duplicates``: the ids of the records
    dropped in its favour (after any it listed already).
    """
    deduper = Deduper(mode, threshold=threshold, hasher=hasher)
    result = DedupeResult()
    for record in records:
        decision = deduper.add(record)
        if decision.keep:
            kept = dict(record)
            kept["duplicates"] = list(record.get("duplicates") or [])
            result.kept.append(kept)
            continue
        result.dropped.append(decision.report(record))
        _list_duplicate(result.kept, decision.kept_index, record.get("id"))
    return result


def _list_duplicate(kept: list[dict[str, Any]], index: int | None, dropped_id: Any) -> None:
    if index is None or not isinstance(dropped_id, str):
        return
    target = kept[index]
    if dropped_id != target.get("id") and dropped_id not in target["duplicates"]:
        target["duplicates"].append(dropped_id)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


__all__ = [
    "DEFAULT_THRESHOLD",
    "MODES",
    "Decision",
    "DedupeResult",
    "Deduper",
    "MinHasher",
    "choose_bands",
    "dedupe",
    "shingles",
    "similarity",
]
