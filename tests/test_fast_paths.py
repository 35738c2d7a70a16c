"""Every shortcut taken for speed answers exactly as the plain definition it replaces.

The fast paths (pre-tests before costly patterns, substring searches instead of
word sets, tail-only searches, patterns compiled on first use) must never change
a record; each is checked here against the straightforward version, on chosen
cases and on generated text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclip.dialects import plain, plain_lines, plain_names, sniffers
from newsclip.fields import dates
from newsclip.lazyre import LazyPattern, lazy_compile
from newsclip.rules import dates as rules

_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Text made of the pieces the shortcuts look at: words, edge punctuation, blanks, digits, markers.
_PIECES = st.sampled_from([
    "club", "Club", "CLUB", "clubs", "(club)", "“club”", "club,", "club.", "'club'", "club's", "x-club",
    "By", "by", "VON", "Autor:", "written by", "ByJane", "Jane", "Doe", "ago", "hours", "2", "10.", "2025",
    "yesterday", "Heute", "vor", "Stunden", ">", "|", "/", "»", "1.", " ", "  ", "\t", "\n", ".", "…", "\"",
    ")", "!", "?", "ß", "İ", "Ünïcode", "[+123 chars]", "URL Source:", "Markdown Content:", "---", "{",
    "LENGTH: 523 words", "Load-Date: May 2, 2024", "End of Document", "1 of 3 DOCUMENTS", "HD\tTitle",
    "PD  2 May 2024", "Document ABC0000020240502ek520001x", "1,234 words", "Body",
])
_TEXT = st.lists(_PIECES, max_size=40).map(" ".join)
_LINES = st.lists(st.lists(_PIECES, max_size=8).map(" ".join), max_size=12).map("\n".join)


# --- substring search for a title's words in the body's opening --------------------------------

@pytest.mark.parametrize(("text", "word", "expected"), [
    ("the club met", "club", True),
    ("the (club) met", "club", True),
    ("the “club,” met", "club", True),
    ("the clubs met", "club", False),
    ("the x-club met", "club", False),
    ("club", "club", True),
    ("nightclub club", "club", True),
    ("", "club", False),
])
def test_holds_word_cases(text: str, word: str, expected: bool) -> None:
    assert plain._holds_word(text, word) is expected


@_SETTINGS
@given(_TEXT)
def test_holds_word_agrees_with_the_word_set(text: str) -> None:
    folded = text.casefold()
    words = plain._content_words(text)
    for word in words | {"club", "clubs", "hours", "2025"}:
        assert plain._holds_word(folded, word) is (word in words), word


@_SETTINGS
@given(st.lists(_PIECES, max_size=400).map(" ".join))
def test_body_opening_is_the_first_words(text: str) -> None:
    block = plain_lines.Block([plain_lines.make_line(1, text)])
    opening = plain._body_opening([block], 0)
    assert opening.split() == block.text.casefold().split()[: plain._OPENING_WORDS]


# --- patterns searched in a tail or in folded text -------------------------------------------

@_SETTINGS
@given(_TEXT)
def test_ends_with_agrees_with_a_full_search(text: str) -> None:
    for pattern in (plain_lines.CLOSING, plain_lines.TERMINAL):
        assert plain_lines.ends_with(pattern, text) is (pattern.search(text) is not None)


@_SETTINGS
@given(_TEXT)
def test_byline_word_test_agrees_with_a_case_insensitive_search(text: str) -> None:
    words = "|".join(re.escape(w) for w in plain_names._BYLINE_WORDS)
    reference = re.compile(rf"(?:^|[^\w])(?:{words})(?:[^\w]|$)", re.IGNORECASE)
    assert plain_names.has_byline_word(text) is (reference.search(text) is not None)


@_SETTINGS
@given(_TEXT)
def test_breadcrumb_pre_test_never_hides_a_trail(text: str) -> None:
    parts = plain_lines._CRUMB_SEPARATOR.split(text)
    if len(text) <= 400 and len(parts) >= 3 and len(parts[-1].strip().split()) >= 3:
        assert plain_lines.breadcrumb_tail(text) == parts[-1].strip()
    else:
        assert plain_lines.breadcrumb_tail(text) is None


# --- date shortcuts ------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "2 hours ago", "vor 3 Stunden", "il y a 5 minutes", "yesterday", "Heute, 10:30", "l'altro ieri",
    "hace 2 días", "3 days ago", "an hour ago",
])
def test_relative_dates_pass_the_word_test(line: str) -> None:
    assert dates._may_be_relative(line)
    assert dates.is_date_line(line) or line == "yesterday"


@_SETTINGS
@given(_TEXT)
def test_relative_word_test_never_hides_a_relative_date(text: str) -> None:
    if dates._RELATIVE_RE.search(text):
        assert dates._may_be_relative(text)


# --- sniffer pre-tests ---------------------------------------------------------------------------

def _reader_without_pre_test(text: str) -> float:
    head = "\n" + "\n".join(text.split("\n", 40)[:40])
    source = re.search(r"\nURL Source:[ \t]*\S", head) is not None
    marker = re.search(r"\nMarkdown Content:[ \t]*$", head, re.M) is not None
    if source and marker:
        return 0.95
    if (source or marker) and re.search(r"\nTitle:[ \t]*\S", head):
        return 0.6
    return 0.0


@_SETTINGS
@given(_LINES)
def test_reader_pre_test(text: str) -> None:
    assert sniffers.reader(text) == _reader_without_pre_test(text)


@_SETTINGS
@given(_LINES)
def test_export_pre_tests_only_skip_texts_without_signatures(text: str) -> None:
    lines = sniffers.with_leading_break(text)
    if not sniffers._NEXIS_ANY.search(lines):
        assert not any(p.search(lines) for p in (
            sniffers._NEXIS_COUNTER, sniffers._NEXIS_LENGTH, sniffers._NEXIS_LOAD_DATE,
            sniffers._NEXIS_DOCUMENTS_TOTAL, sniffers._NEXIS_BODY))
    if not sniffers._FACTIVA_ANY.search(lines):
        assert not sniffers.is_coded(text)
        assert not any(p.search(lines) for p in (
            sniffers._FACTIVA_DOCUMENT_ID, sniffers._FACTIVA_WORD_COUNT, sniffers._FACTIVA_SUMMARY))


@pytest.mark.parametrize(("text", "dialect"), [
    ("1 of 3 DOCUMENTS\n\nThe Paper\n\nLENGTH: 300 words", "nexis"),
    ("Headline\nLENGTH: 523 words\nLoad-Date: May 2, 2024", "nexis"),
    ("HD\tTitle\nPD\t2 May 2024\nLP\tLead", "factiva"),
    ("Title\n1,234 words\n2 May 2024\nText\nDocument ABC0000020240502ek520001x", "factiva"),
])
def test_export_signatures_still_sniffed(text: str, dialect: str) -> None:
    assert sniffers.SNIFFERS[dialect](text) >= 0.75


@_SETTINGS
@given(_LINES)
def test_email_sniffer_reads_the_same_lines(text: str) -> None:
    lines = text.split("\n", 60)[:60]
    assert list(sniffers._first_lines(text, 60)) == lines


# --- lazy patterns -------------------------------------------------------------------------------

def test_lazy_pattern_compiles_once_and_behaves_like_re() -> None:
    built = []

    def source() -> str:
        built.append(1)
        return r"(?P<word>\w+)-(\d+)"

    lazy = lazy_compile(source, re.IGNORECASE)
    assert isinstance(lazy, LazyPattern) and not built
    assert lazy.search("x ABC-12").group("word") == "ABC"
    assert lazy.sub("<>", "a-1 b-2") == "<> <>"
    assert lazy.findall("a-1 b-2") == [("a", "1"), ("b", "2")]
    assert lazy.groupindex == {"word": 1}
    assert built == [1]
    assert lazy.pattern == r"(?P<word>\w+)-(\d+)"


def test_lazy_pattern_survives_copy_and_unknown_names() -> None:
    import copy

    lazy = lazy_compile(r"a+")
    twin = copy.deepcopy(lazy)
    assert twin.fullmatch("aaa") and lazy.fullmatch("aaa")
    with pytest.raises(AttributeError):
        lazy.no_such_method  # noqa: B018 - the attribute access is the test


# --- page furniture near a headline ------------------------------------------------------------

_FURNITURE = st.sampled_from([
    "Lesezeit: 3 Min", "5 min read", "3 Minuten", "12 Comments", "Share", "SHARE this", "Home", "Startseite",
    "(Foto: dpa)", "(BUTTON)", "___", "→", "» More", "More »", "Logo", "JavaScript", "Cookies", "[ ]",
    "Schließen", "SCHLIEẞEN", "Close menu", "Link copied", "Foto 2 von 5", "Mehr zum Thema", "Terms of Use",
    "Search", "Become a member",
])


@_SETTINGS
@given(st.lists(st.one_of(_PIECES, _FURNITURE), max_size=12).map(" ".join))
def test_page_furniture_test_agrees_with_one_case_insensitive_search(text: str) -> None:
    from newsclip.rules.plain import NOT_HEADLINE_ANYWHERE, NOT_HEADLINE_STARTS

    reference = re.compile(
        "|".join([f"^(?:{p})" for p in NOT_HEADLINE_STARTS] + [f"(?:{p})" for p in NOT_HEADLINE_ANYWHERE]),
        re.IGNORECASE,
    )
    assert plain._is_page_furniture(text) is (reference.search(text) is not None)


# --- one-line and long-line shortcuts -------------------------------------------------------------

@_SETTINGS
@given(_TEXT)
def test_date_line_shortcut_agrees_with_the_full_scan(text: str) -> None:
    s = dates._prepare(text)
    spans = [(h.start, h.end) for h in dates._scan(s, False, dates._LINE_REFERENCE) if not h.weak]
    full = len(text) <= dates.DATE_LINE_MAX and bool(spans) and dates._only_labels_outside(s, spans)
    assert dates.is_date_line(text) is full


@_SETTINGS
@given(st.one_of(_TEXT, st.lists(_PIECES, min_size=80, max_size=120).map(" ".join),
                 st.sampled_from(["Advertisement", "  ADVERTISEMENT  ", "Share this:", "Photo: AP", "---"])))
def test_boilerplate_and_caption_shortcuts(text: str) -> None:
    from newsclip.fields import body
    from newsclip.rules.boilerplate import BOILERPLATE_LINES

    key = text.strip().strip(body._TRIM).casefold()
    boilerplate = not key or key in BOILERPLATE_LINES or (
        len(key) < 300 and body._BOILER_PREFIX.match(text.strip()) is not None)
    assert body.is_boilerplate(text) is boilerplate
    caption_prefixed = text.strip().casefold().startswith(body._CAPTION_PREFIX)
    if caption_prefixed:
        assert body.is_caption(text) is (len(text.split()) <= 60)


@_SETTINGS
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=30).map(" ".join), min_size=1, max_size=4))
def test_blocks_count_words_and_join_text_as_before(texts: list[str]) -> None:
    lines = [plain_lines.make_line(i, t) for i, t in enumerate(texts, 1)]
    lines = [line for line in lines if line.text]
    if lines:
        block = plain_lines.Block(lines)
        assert block.text == " ".join(line.text for line in lines)
        assert block.words == len(block.text.split())


def test_article_ids_are_plain_sha256() -> None:
    import hashlib

    from newsclip.assemble import article_id

    key = "url:example.org/a"
    assert article_id("https://www.example.org/a/", None, None, None) == hashlib.sha256(key.encode()).hexdigest()[:16]


@pytest.mark.parametrize(("text", "expected"), [
    ("10:30, 5 May 2024", [("2024-05-05T10:30:00", 0)]),
    ("9 pm EST, Monday, May 5, 2024", [("2024-05-05T21:00:00-05:00", 0)]),
    ("Monday 9 pm EST, May 5, 2024", [("2024-05-05T21:00:00-05:00", 7)]),  # a weekday opens no time
    ("noon, 5 May 2024", [("2024-05-05T12:00:00", 0)]),
    # an impossible date keeps its span: the time after it is not given to the next date
    ("31 Feb 2024 10:30, 5 May 2024", [("2024-05-05", 19)]),
    ("5 May 2024\n10:30, 6 May 2024", [("2024-05-05", 0), ("2024-05-06T10:30:00", 11)]),
])
def test_a_time_before_a_date(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(m.iso, m.start) for m in dates.find_dates(text)] == expected


# --- a date's tail (year suffix, weekday, time) matched apart from the date ----------------------

#: Pieces of dates and what follows them: every kind of tail, its look-alikes, and the dotted capital I.
_DATE_PIECES = st.sampled_from([
    "5", "05", "31", "2024", "1999", "May", "mai", "Mai", "März", "мая", "Sept.", "5.", "5th", "-", "/", ".",
    ",", ", ", " ", "  ", "\t", "\n", "|", "•", "@", "—", "T", "t", "10:30", "10.30", "9", "pm", "a.m.", "Uhr",
    "h", "14h36", "EST", "ET", "+01:00", "(UTC +08:00)", "Z", "at", "AT", "à", "a las", "um", "kl.", "в", "г.",
    "года", "noon", "Midnight", "meia-noite", "Monday", "MONDAY", "FRİDAY", "İ", "ſunday", "The", "council",
    "2024-05-05", "05/06/2024", "2024年5月5日", "Monday,", "Mon.", "de", "of", "am", "Thu", "mar", "Mar.",
    "segunda-feira,", "xMonday", "Sonntag,", "вторник,", "日", "ᲀторник,",
])
_DATE_TEXT = st.lists(_DATE_PIECES, max_size=16).map("".join) | st.lists(_DATE_PIECES, max_size=16).map(" ".join)
#: The date as one pattern: an optional weekday, the date, its optional tail.
_ONE_PATTERN = re.compile(
    dates._START
    + rf"(?:(?:{dates._alt(dates._WEEKDAYS)}){dates._WORD_END}\.?,?{dates._S}{{1,3}})?"
    + dates._DATE_SHAPES + dates._DATE_TAIL_RE.pattern,
    re.IGNORECASE,
)


def _window_hits_one_pattern(s: str, lo: int, hi: int, dayfirst: bool) -> list[dates._Hit]:
    """The dates of one stretch as found with one pattern holding date and tail together."""
    hits, done = [], lo
    for m in _ONE_PATTERN.finditer(s, lo, hi):
        before = dates._time_before(s, done, m.start())
        done = m.end()
        day = dates._ymd(m, dayfirst)
        if day is None:
            continue
        timed, prefix, start = (before, "b_", before.start()) if before is not None else (m, "t_", m.start())
        clock = dates._clock(timed, prefix) if timed.group(prefix) is not None else None
        iso = dates._iso(*day) if clock is None else dates._iso(*day, clock, dates._offset(timed, prefix, day, clock))
        hits.append(dates._Hit(start, m.end(), iso, clock is not None, False))
    return hits


@_SETTINGS
@given(_DATE_TEXT, st.booleans())
def test_weekday_date_and_tail_apart_find_what_one_pattern_finds(text: str, dayfirst: bool) -> None:
    s = dates._prepare(text)
    assert list(dates._window_hits(s, 0, len(s), dayfirst)) == _window_hits_one_pattern(s, 0, len(s), dayfirst)


#: The day-first and month-first shapes as two patterns, each with its own month name.
_TWO_MONTH_SHAPES = re.compile(
    dates._START + rf"(?:{dates._ISO}|{dates._NUMERIC}|{dates._CJK}|"
    rf"(?P<dmy_d>{dates._DAY})(?:(?:{dates._alt(rules.ORDINALS)})?{dates._S}{{1,3}}{dates._PARTICLE}"
    rf"|\.{dates._S}{{0,3}}|[-/])(?P<dmy_m>{dates._MONTH})"
    rf"(?:\.?(?:,?{dates._S}{{1,3}}{dates._PARTICLE}|[-/])|\.)(?P<dmy_y>{dates._YEAR})|"
    rf"(?P<mdy_m>{dates._MONTH})(?:\.{dates._S}{{0,3}}|{dates._S}{{1,3}})(?P<mdy_d>{dates._DAY})"
    rf"(?:{dates._alt(rules.ORDINALS)})?(?:,{dates._S}{{0,3}}|{dates._S}{{1,3}})(?P<mdy_y>{dates._YEAR}))",
    re.IGNORECASE,
)


@_SETTINGS
@given(_DATE_TEXT)
def test_one_month_name_for_both_orders_reads_as_two_patterns(text: str) -> None:
    s = dates._prepare(text)
    two = [(m.span(), m.group("dmy_y", "dmy_m", "dmy_d") if m.group("dmy_y") else m.group("mdy_y", "mdy_m", "mdy_d"))
           for m in _TWO_MONTH_SHAPES.finditer(s) if m.group("dmy_y") or m.group("mdy_y")]
    one = [(m.span(), m.group("dmy_y", "month", "dmy_d") if m.group("dmy_y") else m.group("mdy_y", "month", "mdy_d"))
           for m in dates._DATE_RE.finditer(s) if m.group("dmy_y") or m.group("mdy_y")]
    assert one == two
    assert [m.span() for m in dates._DATE_RE.finditer(s)] == [m.span() for m in _TWO_MONTH_SHAPES.finditer(s)]


@_SETTINGS
@given(_DATE_TEXT)
def test_tail_pre_test_never_hides_a_tail(text: str) -> None:
    s = dates._prepare(text)
    for start in range(len(s) + 1):
        tail = dates._DATE_TAIL_RE.match(s, start)
        if tail is not None and tail.end() > start:
            assert dates._tail_may_follow(s, start, len(s)), (s, start)


@_SETTINGS
@given(_DATE_TEXT)
def test_weekday_pre_test_never_hides_a_weekday(text: str) -> None:
    s = dates._prepare(text)
    for start in range(len(s) + 1):
        weekday = dates._WEEKDAY_BEFORE_RE.search(s, max(0, start - dates._WEEKDAY_REACH), start)
        assert dates._weekday_start(s, 0, start) == (start if weekday is None else weekday.start()), (s, start)


@pytest.mark.parametrize(("text", "expected"), [
    ("Monday, 5 May 2024", 0),
    ("On Thu. 3 Jan 2019", 3),
    ("segunda-feira, 5 de maio de 2024", 0),
    ("xMonday, 5 May 2024", 9),  # a weekday is a whole word
    ("Monday    5 May 2024", 10),  # at most three blanks between
    ("Said Monday 5 May 2024", 5),
    ("日報Thu, 3 Jan 2019", 2),  # a CJK letter ends no word: the weekday starts right after it
])
def test_weekday_before_a_date(text: str, expected: int) -> None:
    [match] = dates.find_dates(text)
    assert match.start == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("May 5, 2024\nThe council", False),
    ("May 5, 2024 The council", False),
    ("May 5, 2024 (Reuters)", False),
    ("May 5, 2024, 10:30", True),
    ("May 5, 2024 at noon", True),
    ("5 мая 2024 г.", True),
    ("2024-05-05T10:30", True),
    ("May 5, 2024, FRİDAY", True),
    ("May 5, 2024, Monday日報", True),  # the weekday, then letters that end no word for the patterns
])
def test_tail_pre_test_cases(text: str, expected: bool) -> None:
    end = dates._DATE_RE.search(text).end()
    assert dates._tail_may_follow(text, end, len(text)) is expected
