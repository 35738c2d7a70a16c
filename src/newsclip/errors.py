"""Exceptions the library raises for bad input; the CLI turns each into one line."""

from __future__ import annotations


class NewsclipError(Exception):
    """Base class: a problem with one input, reported without a traceback."""

    kind = "error"


class InputError(NewsclipError):
    """The input cannot be read as article text (binary, too large, undecodable)."""

    kind = "input"


class BinaryInputError(InputError):
    kind = "binary"


class TooLargeError(InputError):
    kind = "too-large"


class UnknownDialectError(NewsclipError):
    kind = "usage"
