"""Factiva export vocabulary: field codes, word-count lines, document ids, cover and copyright lines.

Everything here is data; :mod:`newsclip.dialects.factiva` compiles and uses it.
Language names come from the Nexis rules (:data:`newsclip.rules.nexis.LANGUAGE_NAMES`).
"""

#: Field codes of the coded export -> what the field holds. Codes marked ``ignore``
#: (indexing, source codes, copyright) still end the field above them.
CODES: dict[str, str] = {
    "HD": "headline",
    "BY": "byline",
    "WC": "length",
    "PD": "date",
    "ET": "time",
    "SN": "source",
    "SC": "ignore",
    "LA": "language",
    "CY": "ignore",
    "LP": "body",
    "TD": "body",
    "AN": "accession",
    "SE": "ignore",
    "CR": "credit",
    "ART": "caption",
    "ED": "ignore",
    "PG": "ignore",
    "VOL": "ignore",
    "CLM": "ignore",
    "RF": "ignore",
    "NS": "ignore",
    "RE": "ignore",
    "IPD": "ignore",
    "IPC": "ignore",
    "PUB": "ignore",
    "IN": "ignore",
    "CO": "ignore",
}

#: Codes that open each article of the coded export, in the order Factiva writes them.
ARTICLE_OPENERS: tuple[str, ...] = ("SE", "HD")

#: Regex source of a word-count line (``1,234 words``, ``1.234 Wörter``); group 1 is the number.
WORD_COUNT_LINE = (
    r"(\d{1,3}(?:[,. ]\d{3}){1,3}|\d{1,7}) (?:words|word|wörter|worte|mots|palabras|parole|palavras"
    r"|woorden|ord|слов|слова)"
)

#: Regex source of the line that closes an article (``Document WSJO000020141201eac10005l``);
#: group 1 is the accession number. Matched against a whole stripped line.
DOCUMENT_ID_LINE = r"(?:document|dokument|documento|documenten?) ([A-Za-z0-9]{16,40})"

#: Regex source of a time line under the date (``07:30``, ``7.30 PM``, ``16:05 GMT``).
TIME_LINE = (
    r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?: ?[AaPp]\.?[Mm]\.?)?"
    r"(?: (?:GMT|UTC|Z|[A-Z]{2,4}|[+-]\d{2}:?\d{2}))?"
)

#: Zone words of a time line that fix the offset to UTC.
UTC_ZONES: tuple[str, ...] = ("GMT", "UTC", "Z")

#: Regex source of a copyright line (searched from the line start, ignoring case).
COPYRIGHT_LINE = (
    r"\(?(?:copyright|©|\(c\))"
    r"|.{0,200}(?:all rights reserved|alle rechte vorbehalten|tous droits réservés"
    r"|todos los derechos reservados|alle rechten voorbehouden|tutti i diritti riservati)"
)

#: Regex source of a byline line's opening word in the article view.
BYLINE_PREFIX = r"(?:by|von|par|por|door|av|af)\b"

#: Regex source of a short source-code or page line between the source name and the language (``WSJO``, ``A1``).
SOURCE_CODE_LINE = r"[A-Z0-9][A-Za-z0-9]{0,11}"

#: Case-folded labels of a search-summary cover block (first word or words of each line).
SUMMARY_LABELS: tuple[str, ...] = (
    "search summary",
    "text",
    "date",
    "source",
    "author",
    "company",
    "subject",
    "industry",
    "region",
    "language",
    "results found",
    "timestamp",
    "duplicates",
)

#: Case-folded line that opens a search-summary cover.
SUMMARY_TITLE: tuple[str, ...] = ("search summary", "suchzusammenfassung", "résumé de la recherche")
