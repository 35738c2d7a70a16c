"""The e-mail dialect: sniffing, mbox splitting, headers, MIME parts, forwards and newsletter chrome."""

from __future__ import annotations

import base64
import time
from pathlib import Path

import pytest

from newsclip import parse_text
from newsclip.dialects import detect, email as email_dialect
from newsclip.settings import Settings

from .conftest import FIXTURES

EMAIL = Settings(dialect="email")
FIXTURE_FILES = sorted(p for p in (FIXTURES / "email").iterdir() if p.suffix != ".json")

PLAIN_STACK = """Council Votes to Close Market Street to Cars

By Hannah Field

March 3, 2025

The city council voted 31 to 9 on Monday night to close Market Street to cars from next spring.
"""

PLAIN_LABELS = """Title: Council Votes to Close Market Street to Cars
Author: Hannah Field
Date: 2025-03-03
URL: https://citydesk.example/market-street
Source: City Desk

The city council voted 31 to 9 on Monday night.
"""

PLAIN_FROM_LINE = """From: our correspondent in Lisbon
Date: 3 March 2025

The tram network will run on solar power by 2027.
"""

HTML_PAGE = "<!DOCTYPE html>\n<html><head><title>From: x</title></head><body><p>Subject: y</p></body></html>\n"


def _message(headers: str, body: str) -> str:
    return f"{headers}\n\n{body}"


HEADERS = (
    "From: Jane Doe <jane@example.org>\nTo: a@example.org\nSubject: Harbour report\n"
    "Date: Tue, 04 Feb 2025 10:15:00 +0100\nMessage-ID: <1@example.org>"
)


def _one(text: str, source: str = "message.eml"):
    articles = parse_text(text, source=source, settings=EMAIL)
    assert len(articles) == 1
    return articles[0]


# --- sniffing -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixtures_are_sniffed_as_email(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert email_dialect.sniff(text) >= 0.8
    assert detect(text, path.name).NAME == "email"


@pytest.mark.parametrize(
    "text",
    [PLAIN_STACK, PLAIN_LABELS, PLAIN_FROM_LINE, HTML_PAGE, ""],
    ids=["plain-stack", "plain-labels", "plain-from-line", "html", "empty"],
)
def test_other_layouts_are_not_claimed(text: str) -> None:
    assert email_dialect.sniff(text) <= 0.3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_message(HEADERS, "Body."), email_dialect.rules.SNIFF_CERTAIN),
        ("From: Jane Doe <jane@example.org>\nSubject: A\nDate: Tue, 4 Feb 2025 10:15:00 +0100\n\nBody",
         email_dialect.rules.SNIFF_LIKELY),
        ("From: Doe, Jane\nSent: Tuesday, February 4, 2025 10:15 AM\nTo: Desk\nSubject: A\n\nBody",
         email_dialect.rules.SNIFF_PASTED),
        ("From jane@example.org Tue Feb  4 10:15:00 2025\nFrom: Jane <jane@example.org>\nSubject: A\n\nBody",
         email_dialect.rules.SNIFF_CERTAIN),
        ("Body first\n\nFrom: Jane <jane@example.org>\nSubject: A\nDate: x\n", 0.0),
    ],
    ids=["eml", "three-headers", "outlook-paste", "mbox", "headers-not-at-top"],
)
def test_sniff_scores(text: str, expected: float) -> None:
    assert email_dialect.sniff(text) == expected


# --- headers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Fwd: Fwd: Rail strike called off", "Rail strike called off"),
        ("RE: FW: Rail strike called off", "Rail strike called off"),
        ("AW: WG: Bahnstreik abgesagt", "Bahnstreik abgesagt"),
        ("TR: Grève annulée", "Grève annulée"),
        ("Re[2]: Rail strike", "Rail strike"),
        ("[EXT] Fwd: Rail strike", "Rail strike"),
        ("Fwd : Rail strike", "Rail strike"),
        ("Reading list: ten books", "Reading list: ten books"),
        ("Review: a quiet novel", "Review: a quiet novel"),
        ("Rail strike called off", "Rail strike called off"),
    ],
)
def test_strip_subject_prefixes(subject: str, expected: str) -> None:
    assert email_dialect.strip_subject_prefixes(subject) == expected


@pytest.mark.parametrize(
    ("display", "kind", "name"),
    [
        ("Jane Doe", "person", "Jane Doe"),
        ("Élodie Marchand", "person", "Élodie Marchand"),
        ("Ludwig van Beethoven", "person", "Ludwig van Beethoven"),
        ("Doe, Jane", "person", "Jane Doe"),
        ("Dana Whitfield from Field Notes", "person", "Dana Whitfield"),
        ("Dana Whitfield | Field Notes", "person", "Dana Whitfield"),
        ("Reuters", "agency", "Reuters"),
        ("The Morning Brief", "brand", "The Morning Brief"),
        ("Northfield Courier", "brand", "Northfield Courier"),
        ("Valley Voice Daily", "brand", "Valley Voice Daily"),
        ("Substack", "brand", "Substack"),
        ("support team", "brand", "support team"),
        ("News from Acme", "brand", "News from Acme"),
    ],
)
def test_sender_kind(display: str, kind: str, name: str) -> None:
    assert email_dialect.sender_kind(display) == (kind, name)


@pytest.mark.parametrize(
    ("sender", "byline", "authors", "agencies"),
    [
        ("Jane Doe <jane@example.org>", "Jane Doe", ["Jane Doe"], []),
        ('"Doe, Jane" <jane@example.org>', "Jane Doe", ["Jane Doe"], []),
        ("=?UTF-8?Q?=C3=89lodie_Marchand?= <em@example.org>", "Élodie Marchand", ["Élodie Marchand"], []),
        ("The Morning Brief <brief@example.org>", "The Morning Brief", [], []),
        ("AFP <alerts@example.org>", "AFP", [], ["AFP"]),
        ("newsletter@example.org", None, [], []),
        ("<newsletter@example.org>", None, [], []),
    ],
)
def test_from_header(sender: str, byline: str | None, authors: list[str], agencies: list[str]) -> None:
    text = _message(f"From: {sender}\nSubject: Harbour report\nDate: Tue, 04 Feb 2025 10:15:00 +0100\n"
                    "MIME-Version: 1.0", "Body text.")
    article = _one(text)
    assert article.byline == byline
    assert list(article.authors) == authors
    assert list(article.agencies) == agencies


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Date: Tue, 04 Feb 2025 10:15:00 +0100", "2025-02-04T10:15:00+01:00"),
        ("Date: 4 Feb 2025 10:15:00 GMT", "2025-02-04T10:15:00+00:00"),
        ("Date: Tue, 04 Feb 2025 10:15:00 -0000", "2025-02-04T10:15:00"),
        ("Sent: Tuesday, February 4, 2025 10:15 AM", "2025-02-04T10:15:00"),
        ("Date: sometime last week", None),
    ],
)
def test_date_headers(header: str, expected: str | None) -> None:
    text = _message(f"From: Jane Doe <jane@example.org>\nSubject: A\n{header}\nMIME-Version: 1.0", "Body text.")
    assert _one(text).date == expected


def test_header_provenance_and_folded_subject() -> None:
    text = ("From: Jane Doe <jane@example.org>\nSubject: A long subject that the mail client\n folded onto two lines\n"
            "Date: Tue, 04 Feb 2025 10:15:00 +0100\nArchived-At: <https://list.example/2025/02/4>\n"
            "Content-Language: de-CH\n\nBody text.")
    article = _one(text)
    assert article.headline == "A long subject that the mail client folded onto two lines"
    assert article.provenance["headline"].lines == (2, 3)
    assert article.provenance["date"].lines == (4, 4)
    assert article.url == "https://list.example/2025/02/4"
    assert article.language == "de"
    assert article.provenance["body"].lines == (8, 8)


def test_leading_blank_lines_before_pasted_headers() -> None:
    article = _one("\n\n" + _message(HEADERS, "Body text."))
    assert article.headline == "Harbour report"
    assert article.provenance["headline"].lines == (5, 5)
    assert article.provenance["body"].lines == (9, 9)


@pytest.mark.parametrize(
    ("lines", "spans", "body_start"),
    [
        (["From: a", "Subject: b", "", "body"], {"from": (1, 1), "subject": (2, 2)}, 3),
        (["From x@y Tue Feb  4 10:15:00 2025", "Subject: b", "  folded", "", "body"], {"subject": (2, 3)}, 4),
        (["Subject: b", "Subject: again", "not a header line"], {"subject": (1, 1)}, 2),
    ],
)
def test_header_spans(lines: list[str], spans: dict, body_start: int) -> None:
    assert email_dialect.header_spans(lines) == (spans, body_start)


# --- mbox -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("From: a@example.org\nSubject: x\n\nbody", [0]),
        ("From a@x Mon Mar  3 07:00:00 2025\nSubject: x\n\nbody\n\nFrom b@x Tue Mar  4 07:00:00 2025\nSubject: y\n\nb",
         [0, 5]),
        ("From a@x Mon Mar  3 07:00:00 2025\nSubject: x\n\nFrom here on, the text goes on\nwithout headers.", [0]),
    ],
    ids=["not-mbox", "two-messages", "from-in-body"],
)
def test_split_mbox(text: str, starts: list[int]) -> None:
    assert email_dialect.split_mbox(text.split("\n")) == starts


# --- MIME -----------------------------------------------------------------------------------


def test_quoted_printable_soft_breaks_and_line_numbers() -> None:
    text = (HEADERS + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
            "Content-Transfer-Encoding: quoted-printable\n\n"
            "First paragraph with a soft=\n break and caf=C3=A9.\n\nSecond=20\nparagraph.")
    article = _one(text)
    assert article.body == "First paragraph with a soft break and café.\n\nSecond paragraph."
    assert article.provenance["body"].lines == (10, 14)


def test_number_lines_maps_soft_breaks_back_to_raw_lines() -> None:
    raw = ["Header: x", "", "one =", "two", "three"]
    numbered = email_dialect.number_lines("one two\nthree", raw, (2, 4), "quoted-printable")
    assert numbered == [(3, "one two"), (5, "three")]


def test_base64_part_is_decoded() -> None:
    payload = base64.encodebytes("Zürich trams run late.\n\nSecond paragraph.\n".encode()).decode()
    text = (HEADERS + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
            "Content-Transfer-Encoding: base64\n\n" + payload)
    assert _one(text).body == "Zürich trams run late.\n\nSecond paragraph."


def test_latin1_quoted_printable() -> None:
    text = (HEADERS + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=iso-8859-1\n"
            "Content-Transfer-Encoding: quoted-printable\n\nCaf=E9 cr=E8me.")
    assert _one(text).body == "Café crème."


def _alternative(plain: str, html: str) -> str:
    return (HEADERS + '\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b1"\n\n'
            f"--b1\nContent-Type: text/plain; charset=utf-8\n\n{plain}\n"
            f"--b1\nContent-Type: text/html; charset=utf-8\n\n{html}\n--b1--\n")


def test_plain_part_preferred() -> None:
    plain = ("The harbour report from the plain part has enough words to be the body of this message, "
             "more than the threshold of twenty-five words that a stub would have.")
    article = _one(_alternative(plain, "<html><body><p>From the HTML part.</p></body></html>"))
    assert article.body == plain
    assert article.provenance["body"].lines == (12, 12)


def test_stub_plain_part_loses_to_html() -> None:
    html = ("<html><body><h1>Harbour report</h1><p>The pier reopened on Monday after repairs that took "
            "most of the winter and cost the council more than it had planned.</p>"
            "<p><a href='https://a.example/u'>Unsubscribe</a></p></body></html>")
    article = _one(_alternative("This email needs an HTML-capable reader.", html))
    assert article.body == ("The pier reopened on Monday after repairs that took most of the winter and cost the "
                            "council more than it had planned.")
    assert article.headline == "Harbour report"
    assert article.byline == "Jane Doe"
    assert article.date == "2025-02-04T10:15:00+01:00"


def test_attachments_are_skipped() -> None:
    text = (HEADERS + '\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="m"\n\n'
            "--m\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: attachment; filename=a.txt\n\n"
            "Attached notes.\n--m\nContent-Type: text/plain; charset=utf-8\n\nThe real body.\n--m--\n")
    assert _one(text).body == "The real body."


# --- forwards -------------------------------------------------------------------------------


FORWARD_CASES = [
    pytest.param(
        "FYI\n\n---------- Forwarded message ---------\nFrom: Field Notes <fn@example.org>\n"
        "Date: Tue, Feb 4, 2025 at 6:02 AM\nSubject: Otters are back\nTo: <me@example.org>\n\nOtters returned.",
        ("Otters are back", "Field Notes", "2025-02-04T06:02:00", "Otters returned."),
        id="gmail",
    ),
    pytest.param(
        "Begin forwarded message:\n\nFrom: Jane Roe <jr@example.org>\nSubject: Otters are back\n"
        "Date: February 4, 2025 at 6:40:12 PM GMT+1\nTo: Desk <d@example.org>\n\nOtters returned.",
        ("Otters are back", "Jane Roe", "2025-02-04T18:40:12+01:00", "Otters returned."),
        id="apple",
    ),
    pytest.param(
        "See below.\n\n________________________________\nFrom: Roe, Jane <jr@example.org>\n"
        "Sent: Tuesday, February 4, 2025 6:02 AM\nTo: Desk\nSubject: RE: Otters are back\n\nOtters returned.",
        ("Otters are back", "Jane Roe", "2025-02-04T06:02:00", "Otters returned."),
        id="outlook",
    ),
    pytest.param(
        "---------- Weitergeleitete Nachricht ---------\nVon: Jana Roth <jr@example.de>\n"
        "Datum: Di., 4. Feb. 2025 um 06:02 Uhr\nBetreff: Otter sind zurück\nAn: <me@example.org>\n\nDie Otter sind zurück.",
        ("Otter sind zurück", "Jana Roth", "2025-02-04T06:02:00", "Die Otter sind zurück."),
        id="german-labels",
    ),
    pytest.param(
        "Note.\n\n---------- Forwarded message ---------\nFrom: Outer Sender <o@example.org>\nSubject: Fwd: Otters\n"
        "Date: Wed, 5 Feb 2025 08:00:00 +0000\n\n---------- Forwarded message ---------\n"
        "From: Field Notes <fn@example.org>\nDate: Tue, 4 Feb 2025 06:02:00 +0000\nSubject: Otters are back\n\n"
        "Otters returned.",
        ("Otters are back", "Field Notes", "2025-02-04T06:02:00+00:00", "Otters returned."),
        id="nested",
    ),
    pytest.param(
        "Intro text.\n\n______________________________\n\nMore text after a decorative rule.",
        ("Harbour report", "Jane Doe", "2025-02-04T10:15:00+01:00",
         "Intro text.\n\nMore text after a decorative rule."),
        id="underscores-without-headers",
    ),
]


@pytest.mark.parametrize(("body", "expected"), FORWARD_CASES)
def test_forwarded_messages(body: str, expected: tuple[str, str, str | None, str]) -> None:
    article = _one(_message(HEADERS, body))
    assert (article.headline, article.byline, article.date, article.body) == expected


GMAIL_HTML_FORWARD = """<div dir="ltr">Worth reading.<br><br><div class="gmail_quote">
<div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: <strong>The Morning Brief</strong>
<span>&lt;brief@morningbrief.example&gt;</span><br>Date: Tue, Feb 4, 2025 at 6:02 AM<br>
Subject: Rail strike called off after overnight talks<br>To: &lt;sam@example.org&gt;<br></div><br><br>
<div><p><a href="https://morningbrief.example/issues/2025-02-04">View in browser</a></p>
<p>Train drivers called off Wednesday's national strike after talks between the union and the rail operators
ran until 3 a.m. and produced a new pay offer.</p>
<p>The offer, a 4.5% rise this year and 3% next year, will be put to members in a ballot that closes on
February 21.</p>
<p>You are receiving this email because you signed up.</p><p><a href="https://x.example/u">Unsubscribe</a></p>
</div></div></div>"""


def test_forward_inside_an_html_part() -> None:
    text = ("From: Sam Okafor <sam@example.org>\nSubject: Fwd: Rail strike\nDate: Tue, 4 Feb 2025 09:15:44 +0000\n"
            'MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="000"\n\n'
            "--000\nContent-Type: text/plain; charset=UTF-8\n\nWorth reading.\n\n"
            f"--000\nContent-Type: text/html; charset=UTF-8\n\n{GMAIL_HTML_FORWARD}\n--000--\n")
    article = _one(text)
    assert article.headline == "Rail strike called off after overnight talks"
    assert (article.byline, list(article.authors)) == ("The Morning Brief", [])
    assert article.date == "2025-02-04T06:02:00"
    assert article.url == "https://morningbrief.example/issues/2025-02-04"
    assert article.body == (
        "Train drivers called off Wednesday's national strike after talks between the union and the rail operators "
        "ran until 3 a.m. and produced a new pay offer.\n\nThe offer, a 4.5% rise this year and 3% next year, will be "
        "put to members in a ballot that closes on February 21."
    )


def test_forward_without_date_does_not_use_the_forwarding_date() -> None:
    body = "---------- Forwarded message ---------\nFrom: Field Notes <fn@example.org>\nSubject: Otters\n\nText."
    article = _one(_message(HEADERS, body))
    assert article.date is None
    assert article.byline == "Field Notes"


# --- body chrome ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("Text.\n\n-- \nJane Doe\nHarbour desk", "Text.", id="signature"),
        pytest.param("Text.\n\n--\nJane", "Text.", id="bare-signature-near-end"),
        pytest.param("Text.\n\nSent from my iPhone", "Text.", id="sent-from"),
        pytest.param("Text.\n\nVon meinem iPhone gesendet", "Text.", id="sent-from-german"),
        pytest.param("View this email in your browser\n\nText.", "Text.", id="view-in-browser"),
        pytest.param("[View online](https://a.example/w)\n\nText.", "Text.", id="markdown-chrome-link"),
        pytest.param("Text.\n\nUnsubscribe | Update your preferences | Manage subscription", "Text.",
                     id="chrome-row"),
        pytest.param("Text one.\n\nText two.\n\nYou are receiving this email because you subscribed.\n"
                     "Our mailing address is: 1 Main St", "Text one.\n\nText two.", id="footer"),
        pytest.param("On Tue, Feb 4, 2025 at 9:00 AM Jane <j@example.org> wrote:\n> Quoted text.",
                     "Quoted text.", id="reply-attribution"),
        pytest.param("Read the report (https://a.example/r) today.\n\n<https://a.example/r>",
                     "Read the report today.", id="inline-urls"),
        pytest.param("Unsubscribe from the plan? Councillors say no.", "Unsubscribe from the plan? Councillors say no.",
                     id="chrome-word-in-a-sentence"),
    ],
)
def test_body_chrome(body: str, expected: str) -> None:
    assert _one(_message(HEADERS, body)).body == expected


@pytest.mark.parametrize(
    ("body", "url"),
    [
        ("View this email in your browser (https://a.example/issue/12?utm_source=x)\n\nText.",
         "https://a.example/issue/12"),
        ("View in browser\n<https://a.example/issue/12>\n\nText.", "https://a.example/issue/12"),
        ("[Read online](https://a.example/issue/12)\n\nText.", "https://a.example/issue/12"),
        ("Text with a link (https://a.example/other).", None),
    ],
)
def test_view_online_link_becomes_the_url(body: str, url: str | None) -> None:
    article = _one(_message(HEADERS, body))
    assert article.url == url
    if url:
        assert article.provenance["url"].rule == "view-online-link"


def test_archived_at_beats_view_online_link() -> None:
    headers = HEADERS + "\nArchived-At: <https://list.example/archive/7>"
    article = _one(_message(headers, "View online: https://a.example/issue/12\n\nText."))
    assert article.url == "https://list.example/archive/7"


# --- robustness -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "From: \nSubject: \nDate: \n\n",
        "From: <<<>>>\nSubject: =?UTF-8?B?!!!?=\nDate: 99 Foo 2025\nMIME-Version: 1.0\n\nBody",
        HEADERS + "\nContent-Type: text/plain; charset=x-unknown-charset\nContent-Transfer-Encoding: base64\n\n@@@@",
        HEADERS + '\nContent-Type: multipart/alternative; boundary="never-closed"\n\n--never-closed\n\nBody',
        HEADERS + "\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n=ZZ=\n=",
        HEADERS + "\n\n" + "-- " * 30_000,
        HEADERS + "\n\nSent from my " + "x " * 50_000,
        "Subject: Fwd:" + " " * 50_000 + "x\nFrom: a <a@b.example>\nDate: x\n\nBody",
        "From a@x Mon Mar  3 07:00:00 " + "1" * 300 + " " * 50_000 + "z\nSubject: x\n\nBody",
    ],
    ids=["empty-headers", "garbage-headers", "unknown-charset", "unclosed-multipart", "bad-qp",
         "dash-run", "long-sent-from", "long-subject-spaces", "long-mbox-line"],
)
def test_odd_inputs_do_not_raise(text: str) -> None:
    start = time.perf_counter()
    articles = parse_text(text, source="x.eml", settings=EMAIL)
    assert len(articles) <= 1
    assert time.perf_counter() - start < 5.0
