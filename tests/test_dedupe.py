"""Duplicate detection: exact copies by id, near copies by MinHash + LSH, in one linear pass."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from newsclip.dedupe import (
    DEFAULT_THRESHOLD,
    Decision,
    Deduper,
    MinHasher,
    choose_bands,
    dedupe,
    shingles,
    similarity,
)

# A wire story as one agency sent it ...
WIRE_STORY = """VARNEHOLM, March 3 (Nordwire) - Water in Lake Varne fell to its lowest level in forty years on Monday, \
forcing the regional ferry company to suspend two of its four routes and leaving dozens of private jetties \
standing on dry mud.

The lake authority said the surface had dropped by one metre and eighty centimetres since the start of \
January, after the driest winter recorded at the Varneholm weather station since measurements began in 1911. \
Engineers expect the level to keep falling until the snow on the northern hills starts to melt in late April.

"We have never had to close the eastern crossing this early in the year," said Marit Olsen, operations \
manager at Varne Ferries. "The hulls of our larger boats now touch the bottom at the Strandvik pier, and we \
cannot take the risk with passengers on board." The company will run a replacement bus service between \
Strandvik and Holmen until further notice, adding roughly forty minutes to the journey.

Farmers along the southern shore, who draw irrigation water from the lake, have been asked to cut their use \
by a third. The regional council said it would compensate growers of early potatoes, whose fields need water \
in March, but gave no figure for the payments.

Scientists at the University of Varneholm said the low water was exposing stretches of the lake bed that \
had not been seen since the 1980s, including the remains of a wooden causeway that local historians believe \
dates from the fourteenth century. Archaeologists plan to survey the site before the water returns.

The lake authority has also banned motor boats on the shallow western bays to protect spawning grounds of \
the Arctic char, a cold water fish that lays its eggs in gravel near the shore. Anglers' associations said \
they supported the ban but asked for it to be lifted as soon as the water rises.

Hydrologists warned that a dry spring would make matters worse. Rainfall in the catchment has been less than \
half the average for six consecutive months, and the reservoirs upstream that usually release water into the \
lake in dry spells are themselves well below their normal levels.

The council will meet on Thursday to decide whether to declare a drought emergency, which would allow it to \
limit water use by industry and to order households to stop watering gardens and washing cars with hoses. \
The last such emergency was declared in the summer of 1976 and lasted eleven weeks.
"""

# ... and as a second site republished it: another dateline, one sentence rewritten.
REPUBLISHED = WIRE_STORY.replace(
    "VARNEHOLM, March 3 (Nordwire) -", "STRANDVIK, March 3 (Nordwire) -"
).replace(
    "Archaeologists plan to survey the site before the water returns.",
    "A team from the national heritage board will map the causeway next week.",
)

# The same event, written up independently (one quote in common).
OWN_REPORT = """HOLMEN - Commuters waited in the rain on Monday for the first replacement buses after the ferry \
company stopped sailing across the eastern half of Lake Varne.

"We have never had to close the eastern crossing this early in the year," said Marit Olsen, operations \
manager at Varne Ferries.

Passengers said the buses were full by seven o'clock and that many had arrived late for work in Strandvik. \
The bus operator promised two extra coaches from Wednesday and a timetable printed at every stop. Shop \
owners in Holmen fear that day visitors will stay away until the boats return, as they did during the long \
repair of the pier eight years ago. The town's tourist office is printing leaflets that explain how to reach \
the island by road, and the council is considering free parking near the old ferry terminal.
"""

BUDGET = """The city council approved a budget of 412 million crowns for next year after a debate that lasted \
until midnight. Spending on schools rises by six per cent, while the road maintenance budget is frozen for a \
second year. Opposition members said the plan relied on optimistic forecasts of income from property taxes \
and would force cuts by the summer. The mayor said the council had kept a reserve for unexpected costs and \
that the new sports hall would be paid for by a loan from the regional bank rather than by higher fees. \
Parents' groups welcomed the money for school meals but asked why the promised music teachers had been left \
out. The budget takes effect on the first of January.
"""

MATCH_REPORT = """Holmen United came from two goals down to draw 2-2 with Strandvik Rovers in front of a record \
crowd at the harbour ground on Saturday. Rovers led through a header from their captain after eleven minutes \
and a penalty just before half time. United's young forward Ola Berg scored twice in the last quarter of an \
hour, the second with a low shot from the edge of the area in stoppage time. The result keeps both clubs in \
the middle of the table with nine matches left. United's coach said his players had shown character, while \
the Rovers manager complained that the referee had added too much time at the end.
"""

CONCERT = """The chamber orchestra opened its winter season with a programme of Nordic string music that drew \
a full house to the old customs hall. The soloist, a violinist of twenty-two from the northern coast, played \
a concerto written for her by a local composer, and the audience called her back three times. The conductor \
said the orchestra would tour the island towns in May with the same programme and would record it for the \
regional radio station. Tickets for the spring concerts go on sale next week, with reduced prices for \
students and pensioners.
"""


def record(rid: str, body: str, source: str | None = None) -> dict[str, object]:
    return {"id": rid, "source": source or f"{rid}.txt", "body": body, "headline": f"Story {rid}"}


def true_jaccard(a: str, b: str, size: int = 5) -> float:
    import re

    words_a = re.findall(r"\w+", a.casefold())
    words_b = re.findall(r"\w+", b.casefold())
    set_a, set_b = shingles(words_a, size), shingles(words_b, size)
    return len(set_a & set_b) / len(set_a | set_b)


# --- the planted pair ---------------------------------------------------------------


def test_the_planted_pair_is_really_close_but_not_identical() -> None:
    truth = true_jaccard(WIRE_STORY, REPUBLISHED)
    assert 0.85 < truth < 1.0


def test_a_republished_wire_story_is_found() -> None:
    deduper = Deduper("near")
    assert deduper.add(record("wire", WIRE_STORY)).keep
    decision = deduper.add(record("copy", REPUBLISHED, source="site-b/copy.html"))
    assert not decision.keep
    assert decision.kind == "near"
    assert decision.kept_id == "wire"
    assert decision.kept_source == "wire.txt"
    assert decision.kept_index == 0
    assert decision.similarity is not None
    assert abs(decision.similarity - true_jaccard(WIRE_STORY, REPUBLISHED)) < 0.1
    assert decision.similarity >= DEFAULT_THRESHOLD


def test_the_report_line_names_both_records() -> None:
    deduper = Deduper("near")
    deduper.add(record("wire", WIRE_STORY))
    dropped = record("copy", REPUBLISHED, source="site-b/copy.html")
    line = deduper.add(dropped).report(dropped)
    assert list(line) == ["kept", "dropped", "similarity", "kind", "kept_source", "dropped_source"]
    assert (line["kept"], line["dropped"], line["kind"]) == ("wire", "copy", "near")
    assert (line["kept_source"], line["dropped_source"]) == ("wire.txt", "site-b/copy.html")
    assert line["similarity"] == round(line["similarity"], 4)
    json.dumps(line)  # a JSON line as it is


@pytest.mark.parametrize(
    "other",
    [OWN_REPORT, BUDGET, MATCH_REPORT, CONCERT],
    ids=["same-event-own-words", "budget", "football", "concert"],
)
def test_unrelated_articles_are_kept(other: str) -> None:
    deduper = Deduper("near")
    deduper.add(record("wire", WIRE_STORY))
    assert deduper.add(record("other", other)).keep
    assert deduper.dropped == 0


def test_a_copy_is_matched_to_the_closest_kept_record() -> None:
    deduper = Deduper("near", threshold=0.5)
    deduper.add(record("budget", BUDGET))
    deduper.add(record("wire", WIRE_STORY))
    decision = deduper.add(record("copy", REPUBLISHED))
    assert decision.kept_id == "wire"
    assert decision.kept_index == 1


# --- exact duplicates --------------------------------------------------------------


@pytest.mark.parametrize("mode", ["exact", "near"])
def test_the_same_id_twice_is_an_exact_duplicate(mode: str) -> None:
    deduper = Deduper(mode)
    assert deduper.add(record("a1", BUDGET, source="one.txt")).keep
    decision = deduper.add(record("a1", CONCERT, source="two.txt"))
    assert decision == Decision(False, "exact", "a1", "one.txt", 1.0, 0)


def test_exact_mode_keeps_near_copies() -> None:
    deduper = Deduper("exact")
    assert deduper.add(record("wire", WIRE_STORY)).keep
    assert deduper.add(record("copy", REPUBLISHED)).keep
    assert deduper.comparisons == 0


def test_a_second_copy_of_a_dropped_record_points_at_the_kept_one() -> None:
    deduper = Deduper("near")
    deduper.add(record("wire", WIRE_STORY))
    first = deduper.add(record("copy", REPUBLISHED))
    again = deduper.add(record("copy", REPUBLISHED, source="mirror.txt"))
    assert (again.keep, again.kind, again.kept_id) == (False, "exact", "wire")
    assert again.similarity == first.similarity


def test_records_without_an_id_are_still_compared_by_body() -> None:
    deduper = Deduper("near")
    assert deduper.add({"body": WIRE_STORY, "source": "a.txt"}).keep
    decision = deduper.add({"body": REPUBLISHED, "source": "b.txt"})
    assert (decision.keep, decision.kept_id, decision.kept_source) == (False, None, "a.txt")


@pytest.mark.parametrize(
    "body",
    [None, "", "   ", "Photo gallery: the drought in pictures."],
    ids=["none", "empty", "blank", "too-short"],
)
def test_bodies_too_short_to_compare_are_kept(body: str | None) -> None:
    deduper = Deduper("near")
    assert deduper.add(record("a", body)).keep  # type: ignore[arg-type]
    assert deduper.add(record("b", body)).keep  # type: ignore[arg-type]


# --- the list function -------------------------------------------------------------


def test_dedupe_keeps_order_and_lists_the_dropped_ids() -> None:
    records = [
        record("wire", WIRE_STORY),
        record("budget", BUDGET),
        record("copy", REPUBLISHED),
        record("budget", BUDGET, source="again.txt"),
        record("match", MATCH_REPORT),
    ]
    result = dedupe(records, "near")
    assert [r["id"] for r in result.kept] == ["wire", "budget", "match"]
    assert [r["duplicates"] for r in result.kept] == [["copy"], [], []]
    assert [(d["kept"], d["dropped"], d["kind"]) for d in result.dropped] == [
        ("wire", "copy", "near"),
        ("budget", "budget", "exact"),
    ]
    assert records[0].get("duplicates") is None  # the input records are not changed


def test_dedupe_merges_with_duplicates_already_listed() -> None:
    first = {**record("wire", WIRE_STORY), "duplicates": ["older"]}
    result = dedupe([first, record("copy", REPUBLISHED)])
    assert result.kept[0]["duplicates"] == ["older", "copy"]


# --- signatures --------------------------------------------------------------------


def test_a_signature_is_num_perm_32_bit_values() -> None:
    signature = MinHasher().signature(WIRE_STORY)
    assert signature is not None and len(signature) == 4 * 128
    assert similarity(signature, signature) == 1.0


def test_signatures_ignore_case_and_punctuation() -> None:
    hasher = MinHasher()
    assert hasher.signature(BUDGET) == hasher.signature(BUDGET.upper().replace(",", " ;"))


def test_a_different_seed_gives_a_different_signature() -> None:
    assert MinHasher(seed=1).signature(BUDGET) != MinHasher(seed=2).signature(BUDGET)


def test_signatures_are_the_same_in_every_process() -> None:
    """Python's string hash is randomised per process; the signature must not be."""
    code = (
        "import sys; from newsclip.dedupe import MinHasher; "
        "sys.stdout.write(MinHasher().signature(sys.stdin.read()).hex())"
    )
    outputs = {
        subprocess.run([sys.executable, "-c", code], input=BUDGET, capture_output=True, text=True,
                       env={"PYTHONHASHSEED": seed}, check=True).stdout
        for seed in ("1", "2")
    }
    signature = MinHasher().signature(BUDGET)
    assert signature is not None
    assert outputs == {signature.hex()}


@pytest.mark.parametrize(
    ("words", "size", "expected"),
    [
        (["a", "b", "c"], 5, {"a b c"}),
        (["a", "b", "c", "d"], 2, {"a b", "b c", "c d"}),
        (["x", "y", "x", "y", "x"], 2, {"x y", "y x"}),
    ],
)
def test_shingles(words: list[str], size: int, expected: set[str]) -> None:
    assert shingles(words, size) == expected


@pytest.mark.parametrize(
    ("threshold", "bands", "rows"),
    [
        (0.8, 21, 6),  # rows 7 (18 bands) would meet a 0.8 pair in a band only 98.6 % of the time
        (0.9, 12, 10),
        (0.5, 42, 3),
    ],
)
def test_bands_are_chosen_for_the_threshold(threshold: float, bands: int, rows: int) -> None:
    assert choose_bands(128, threshold) == (bands, rows)
    assert 1 - (1 - threshold ** rows) ** bands >= 0.99


@pytest.mark.parametrize(
    ("mode", "threshold"),
    [("fuzzy", 0.8), ("near", 0.0), ("near", 1.5)],
)
def test_bad_settings_are_refused(mode: str, threshold: float) -> None:
    with pytest.raises(ValueError):
        Deduper(mode, threshold=threshold)


# --- linear, not all-pairs ---------------------------------------------------------


def _random_article(rng: random.Random, vocabulary: list[str], words: int = 120) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(words))


def test_unrelated_articles_cost_almost_no_comparisons() -> None:
    """1,000 unrelated bodies: LSH finds (nearly) no candidates, so there is no n² loop."""
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(5000)]
    deduper = Deduper("near")
    for i in range(1000):
        assert deduper.add(record(str(i), _random_article(rng, vocabulary))).keep
    assert deduper.comparisons < 20  # all-pairs would be 499,500


def test_full_buckets_bound_the_work_per_record() -> None:
    """Similar bodies under a strict threshold share buckets without matching; the cap keeps each add O(1)."""
    rng = random.Random(11)
    vocabulary = [f"w{i}" for i in range(5000)]
    base = _random_article(rng, vocabulary, 300).split()
    deduper = Deduper("near", threshold=0.95, max_bucket=4)
    count = 300
    for i in range(count):
        words = list(base)
        for k in range(3):  # three words changed: about 0.9 similar to each other, below 0.95
            words[rng.randrange(len(words))] = f"unique{i}x{k}"
        deduper.add(record(str(i), " ".join(words)))
    assert deduper.kept > 0.9 * count
    assert deduper.comparisons > count  # the buckets were shared ...
    assert deduper.comparisons <= count * deduper.bands * 4  # ... yet never searched beyond the cap
