"""Bytes to clean text: encodings detected, newlines and odd spaces normalised, binaries refused.

This is the only module of the parser that touches the file system.
"""

from __future__ import annotations

import codecs
import os
import unicodedata

from .errors import BinaryInputError, InputError, TooLargeError
from .settings import DEFAULT_SETTINGS, Settings

#: Leading bytes of formats that are never article text.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"RIFF", "a RIFF media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"OggS", "an Ogg media file"),
    (b"wOFF", "a web font"),
)

#: Spaces that look like a space but are not one; mapped to a plain space.
_ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
#: Invisible characters dropped outright (zero-width, soft hyphen, BOM, word joiner).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: Control characters other than tab and newline are noise in text dumps.
_CONTROLS = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
#: Line breaks other than CR and LF, each read as LF.
_OTHER_NEWLINES = "\x85\u2028\u2029"
#: Non-ASCII punctuation that cp1252 text commonly holds.
_WESTERN_PUNCTUATION = frozenset("«»‹›–—‘’‚“”„…€°·•§©®™±×÷¡¿\u00a0")


def read_file(path: str | os.PathLike[str], settings: Settings = DEFAULT_SETTINGS) -> str:
    """Read and decode one input file, refusing directories, binaries and oversized files."""
    if os.path.isdir(path):
        raise InputError("is a directory, not a file")
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise InputError(_os_reason(exc)) from None
    if size > settings.max_bytes:
        raise TooLargeError(f"{_human(size)} is over the {_human(settings.max_bytes)} limit (--max-size)")
    try:
        with open(path, "rb") as handle:
            data = handle.read(settings.max_bytes + 1)
    except OSError as exc:
        raise InputError(_os_reason(exc)) from None
    return decode(data, settings)


def decode(data: bytes, settings: Settings = DEFAULT_SETTINGS) -> str:
    """Decode bytes of unknown encoding to normalised text, or raise :class:`InputError`."""
    if len(data) > settings.max_bytes:
        if len(data) == settings.max_bytes + 1:  # a stream read up to one byte past the limit: its size is unknown
            raise TooLargeError(f"is over the {_human(settings.max_bytes)} limit (--max-size)")
        raise TooLargeError(f"{_human(len(data))} is over the {_human(settings.max_bytes)} limit (--max-size)")
    text = _decode_bytes(data)
    return normalise_text(text)


def normalise_text(text: str) -> str:
    """Newlines to LF, Unicode NFC, odd spaces to spaces, invisible and control characters dropped.

    Lone surrogates (text that is not valid Unicode, e.g. from a JSON ``"\\ud83d"``)
    become U+FFFD, so every later step and every output encoding can handle the text.
    Each character class is looked for with ``in`` (a fast scan) and replaced only
    when present: most texts hold none of them, and a saved page can be megabytes.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = without_surrogates(_replace_each(text, _OTHER_NEWLINES, "\n"))
        text = _replace_each(_replace_each(text, _ODD_SPACES, " "), _INVISIBLE, "")
        text = unicodedata.normalize("NFC", text)
    return _replace_each(text, _CONTROLS, "")


def _replace_each(text: str, chars: str, by: str) -> str:
    """``text`` with every one of ``chars`` replaced by ``by``."""
    for char in chars:
        if char in text:
            text = text.replace(char, by)
    return text


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD (a split pair is joined back into its character)."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def _decode_bytes(data: bytes) -> str:
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"declares {codec.upper()} with a byte-order mark but is not valid {codec.upper()}") from None
    _refuse_binary(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect_legacy(data)


def _refuse_binary(data: bytes) -> None:
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"is {what}, not text")
    head = data[:8192]
    if not head:
        return
    if head.count(b"\x00") > len(head) // 10:  # a stray NUL in a text dump is dropped later
        raise BinaryInputError("is binary (contains NUL bytes), not text")
    controls = sum(1 for b in head if b < 32 and b not in (0, 9, 10, 12, 13, 27))
    if controls / len(head) > 0.1:
        raise BinaryInputError("is binary (mostly control bytes), not text")


def _detect_legacy(data: bytes) -> str:
    """Not UTF-8: ask charset-normalizer, preferring cp1252 when the guess is no better than it.

    On short Western European texts the detector often lands on another
    single-byte code page (cp1257 for French), turning "déjà" into "déją".
    cp1252 wins when it decodes every byte to a letter or common punctuation
    and the detector was either unsure or rates cp1252 as well.
    """
    from charset_normalizer import from_bytes

    sample = data[:200_000]
    best = from_bytes(sample).best()
    western = _clean_western(data)
    if western is not None and best is not None and best.encoding != "cp1252":
        rival = from_bytes(sample, cp_isolation=["cp1252"]).best()
        if best.chaos > 0 or (rival is not None and rival.chaos <= best.chaos):
            return western
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    if western is not None:
        return western
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _clean_western(data: bytes) -> str | None:
    """``data`` as cp1252 when every non-ASCII character is a letter or common punctuation, else ``None``."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for char in set(text):
        if ord(char) > 127 and not (char.isalpha() or char in _WESTERN_PUNCTUATION):
            return None
    return text


def _os_reason(exc: OSError) -> str:
    reason = exc.strerror or exc.__class__.__name__
    return reason[0].lower() + reason[1:] if reason else "cannot be read"


def _human(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} bytes"
