"""Bylines and author names in plain-text dumps, where "By" is often missing.

A byline word ("By", "von", "par") marks a name outright; without one, a name
must start with a known given name or be printed again on the page.
"""

from __future__ import annotations

import re

from ..fields import bylines
from ..lazyre import lazy_compile
from ..rules.bylines import LABELS as BYLINE_LABELS
from ..rules.bylines import NOT_NAME_WORDS
from ..rules.bylines import PREFIXES as BYLINE_PREFIXES
from ..rules.names import GIVEN_NAMES, NOT_NAME_OPENERS
from ..rules.plain import AUTHOR_PATH_SEGMENTS
from .base import Context, Draft
from .common import set_byline, set_person

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: a plain parse starts faster without it
    from .plain_lines import Block, PageText

#: A Markdown link whose target is an author page; the target may be wrapped onto a second line.
_AUTHOR_LINK = lazy_compile(
    r"\[(?P<name>[^\[\]\n]{2,60})\]\(\s?https?://[^()\s]{1,200}?(?:\n[^()\s]{0,200}?)?"
    r"/(?:" + "|".join(AUTHOR_PATH_SEGMENTS) + r")/",
    re.IGNORECASE,
)
BARE_URL = lazy_compile(r"^<?(?:https?://|www\.)\S+>?$", re.I)
#: A cheap test that a line could be a byline at all, before the full byline scorer runs.
_BYLINE_WORDS = sorted({w.rstrip(":：").casefold() for group in BYLINE_PREFIXES.values() for w in group}
                       | {w.casefold() for w in BYLINE_LABELS}, key=len, reverse=True)
_BYLINE_LEAD = lazy_compile(r"(?:" + "|".join(re.escape(w) for w in _BYLINE_WORDS) + r")\s?[:：]?\s+", re.IGNORECASE)
#: "ByJ.R. Stone", "Geschrieben vonElisa": a byline word glued to the name by a text browser.
_GLUED_BYLINE_WORD = lazy_compile(r"\b(By|by|BY|Von|von|Par|par|Por|por|Door|door)(?=[A-ZÀ-ÖØ-Þ])")
#: The same without the word boundary, which lets the regex engine skip to candidate letters: a quick pre-test.
_GLUED_BYLINE_HINT = lazy_compile(r"(?:By|by|BY|Von|von|Par|par|Por|por|Door|door)(?=[A-ZÀ-ÖØ-Þ])")
#: One token of a person's name: "Jane", "O'Brien", "J.R.", "Müller-Lüdenscheidt", "van".
_NAME_TOKEN = lazy_compile(r"^(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё'’\-]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?|(?:[A-Z]\.){1,3}|van|von|de|der|da|di|le|la|del|bin|al-[A-Z][a-z]+)$")
_NOT_NAME_WORDS = frozenset(NOT_NAME_WORDS)
_MAX_NAME_TOKENS = 4
_INITIAL = lazy_compile(r"^[A-Z]\.$")
_PARTICLES = frozenset({"van", "von", "de", "der", "da", "di", "le", "la", "del", "bin"})
#: A user name standing for the author in blog templates: "gizzmo", "freeman1984", "C.Habermueller".
_USER_NAME = lazy_compile(r"^(?=[^\d]*[A-Za-zÀ-ÿ])[\w.\-]{3,30}$")
#: What separates a name from the rest of a dated header line once the date is cut out.
_PIECE_SEPARATOR = lazy_compile(r"\s*(?:[|,;·•/]|\s[-–—]\s|:)\s*")
#: Words that travel with a date and are not part of a name.
_DATE_NOISE = frozenset({"uhr", "stand", "um", "am", "on", "at", "le", "el", "il", "op", "h", "pm", "gmt", "in", "à",
                         "utc", "cet", "cest", "est", "edt", "aktualisiert", "updated", "published", "von",
                         "by", "par", "por", "door", "di"})
#: A byline word as a whole word, searched in case-folded text: without IGNORECASE the search runs ~4x faster.
_BYLINE_HINT = lazy_compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in _BYLINE_WORDS) + r")(?!\w)")
def author_link(text: str, draft: Draft) -> None:
    """A Markdown link to the site's author page ("[Jane Doe](https://site/author/jane-doe/)") names the author."""
    if draft.has("byline") or "](" not in text:
        return
    match = _AUTHOR_LINK.search(text)
    if match is None:
        return
    name = " ".join(match.group("name").split()).strip(" *_")
    if name and len(name.split()) <= _MAX_NAME_TOKENS and not BARE_URL.match(name):
        line = text.count("\n", 0, match.start()) + 1
        set_person(draft, name, rule="author-link", lines=(line, line), confidence=0.7)


def has_byline_word(text: str) -> bool:
    """Whether ``text`` holds a byline word or label ("By", "Von", "Autor:") as a whole word, in any case."""
    return _BYLINE_HINT.search(text.casefold()) is not None


def maybe_byline(text: str) -> bool:
    """A byline word or label in a short line, confirmed by the byline scorer."""
    return len(text) <= 200 and has_byline_word(text) and bylines.byline_score(text) >= 0.5


def name_beside_date(draft: Draft, text: str, matches: list, ctx: Context, span: tuple[int, int]) -> None:
    """"Jane Doe, 03.11.2023 15:32" or "1 March 2022 von jdoe": the name left once the date is cut out."""
    rest = text
    for match in reversed(matches):
        rest = rest[:match.start] + " | " + rest[match.end:]
    for piece in _PIECE_SEPARATOR.split(rest):
        tokens = piece.split()
        while tokens and tokens[0].casefold() in _DATE_NOISE and not _BYLINE_LEAD.match(tokens[0] + " "):
            tokens = tokens[1:]
        lead = bool(tokens) and _BYLINE_LEAD.match(tokens[0] + " ") is not None
        name = _name_from(tokens[1:] if lead else tokens, led=lead)
        if name and set_person(draft, name, rule="name-beside-date", lines=span, confidence=0.55):
            return


def take_byline(draft: Draft, text: str, ctx: Context, span: tuple[int, int], *, rule: str,
                 confidence: float) -> bool:
    """A byline line, read whole or, when page furniture follows the names, up to the names."""
    if _GLUED_BYLINE_HINT.search(text):
        text = _GLUED_BYLINE_WORD.sub(r"\1 ", text)
    if maybe_byline(text):
        return set_byline(draft, text, ctx, rule=rule, lines=span, labelled=False, confidence=confidence)
    lead = _BYLINE_LEAD.match(text)
    if lead is None:
        return False
    name = _name_from(text[lead.end():].split(), led=True)
    if name is None:
        return False
    return set_person(draft, name, rule=f"{rule}-names", lines=span, confidence=confidence - 0.15)


def _name_from(tokens: list[str], *, led: bool) -> str | None:
    """The personal name that opens ``tokens``, or ``None``.

    After a byline word (``led``) a name is any run of name-shaped words, or a
    lone user name ("von gizzmo"); without one it must start with a known
    given name. Two words are taken, three when the second is an initial or a
    particle ("Marwan H. Adwan", "Ludwig van Beethoven").
    """
    run: list[str] = []
    for token in tokens[:_MAX_NAME_TOKENS]:
        clean = token.strip(",;|·•()")
        if not _is_name_token(clean):
            break
        run.append(clean)
        if clean != token.strip("()"):
            break
    if len(run) >= 3 and not (_INITIAL.match(run[1]) or run[1] in _PARTICLES):
        run = run[:2]
    if len(run) >= 2:
        if led or run[0].casefold() in GIVEN_NAMES:
            return " ".join(run[:3])
        return None
    if led and tokens:
        alone = tokens[0].strip(",;|·•")
        following = tokens[1] if len(tokens) > 1 else ""
        if _USER_NAME.match(alone) and (not following or not following[:1].isalpha()
                                        or following.casefold() in _DATE_NOISE):
            return alone
    return None


def _is_name_token(token: str) -> bool:
    return _NAME_TOKEN.match(token) is not None and token.casefold() not in _NOT_NAME_WORDS


def _looks_like_name(tokens: list[str]) -> bool:
    return (2 <= len(tokens) <= _MAX_NAME_TOKENS and tokens[0].casefold() not in NOT_NAME_OPENERS
            and all(_is_name_token(t) for t in tokens))


def _is_bare_name(tokens: list[str]) -> bool:
    """A personal name standing alone: name-shaped tokens led by a known given name."""
    return _looks_like_name(tokens) and tokens[0].casefold() in GIVEN_NAMES


def name_line(draft: Draft, blocks: list[Block], region: range, ctx: Context, page: PageText, *,
               near_title: bool) -> None:
    """A line that is only a person's name: the author.

    A name led by a known given name counts; so does, just under the
    headline, any name-shaped line the page prints again (author boxes and
    bios repeat the name).
    """
    for b in region:
        for line in blocks[b].lines:
            tokens = line.text.split()
            half = len(tokens) // 2
            if len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]:
                tokens = tokens[:half]  # "Jane Doe Jane Doe": a linked name printed twice
            if not _looks_like_name(tokens):
                continue
            name = " ".join(tokens)
            bare = _is_bare_name(tokens)
            if not (bare and near_title) and page.count(name) < 2:
                continue  # away from the headline, or without a known given name, only a repeated name counts
            if not bare and not near_title:
                continue
            if set_person(draft, name, rule="name-line", lines=(line.no, line.no),
                          confidence=0.5 if near_title else 0.4):
                return
