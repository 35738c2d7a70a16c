"""Bytes to text: encodings, newlines, odd spaces, binaries and limits."""

from __future__ import annotations

import codecs

import pytest

from newsclip.errors import BinaryInputError, InputError, TooLargeError
from newsclip.reading import decode, normalise_text, read_file
from newsclip.settings import Settings

TEXT = "Café owners in Zürich say “prices” rose — again.\nSecond line."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf32"],
)
def test_unicode_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode(data) == TEXT


def test_cp1252_is_detected_not_mangled() -> None:
    text = ("Les cafés de la ville ont augmenté leurs prix de 8 % cette année, selon l'enquête "
            "publiée jeudi par la chambre de commerce. « C'est énorme », dit un client.\n") * 3
    data = text.replace("«", "\"").replace("»", "\"").encode("cp1252")
    assert "cafés" in decode(data)
    assert "publiée" in decode(data)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Il était déjà là, à côté du café où l'on sert des crêpes.\n", "cp1252"),
        ("Überraschung in München: Die Straßenbahn fährt wieder pünktlich.\n", "cp1252"),
        ("El niño comió jamón en la señal de España.\n", "cp1252"),
        ("Москва, 2 мая — Погода в столице улучшится, сообщили синоптики.\n", "cp1251"),
        ("Zażółć gęślą jaźń, powiedział minister w środę w Warszawie.\n", "cp1250"),
    ],
)
def test_short_legacy_texts_decode_to_their_own_letters(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


def test_latin1_single_bytes() -> None:
    data = "Überraschung in München: Die Straßenbahn fährt wieder pünktlich.\n".encode("latin-1") * 4
    assert decode(data).startswith("Überraschung in München")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc\n", "a\nb\nc\n"),
        ("non\u00a0breaking\u202fspaces", "non breaking spaces"),
        ("zero\u200bwidth\u200d joiner\ufeff", "zerowidth joiner"),
        ("soft\u00adhyphen", "softhyphen"),
        ("bell\x07 and \x0bvertical tab", "bell and vertical tab"),
        ("e\u0301", "\u00e9"),  # NFC
        ("line\u2028separator", "line\nseparator"),
    ],
)
def test_normalise_text(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"hello\x00world\x00\x00\x00", "NUL"),
        (bytes(range(1, 9)) * 200, "control"),
    ],
)
def test_binary_input_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(BinaryInputError) as info:
        decode(data)
    assert what in str(info.value)


def test_a_stray_nul_in_text_is_dropped_not_refused() -> None:
    data = b"Council approves budget\n\nThe council approved the budget.\x00\n" * 20
    assert "\x00" not in decode(data)
    assert decode(data).startswith("Council approves budget")


def test_size_limit(tmp_path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300)
    with pytest.raises(TooLargeError, match="limit"):
        read_file(path, Settings(max_bytes=1000))
    assert read_file(path, Settings(max_bytes=2000)).startswith("word word")


def test_directory_and_missing_file(tmp_path) -> None:
    with pytest.raises(InputError, match="directory"):
        read_file(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "missing.txt")


def test_broken_utf16_with_bom_is_an_input_error() -> None:
    with pytest.raises(InputError, match="UTF-16"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate
