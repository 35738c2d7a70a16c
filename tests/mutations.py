"""Byte-level damage to real files, shared by the hostile-input tests and the fuzzer (fuzz/fuzz_parse.py)."""

from __future__ import annotations

from collections.abc import Sequence


def mutate(data: bytes, ops: Sequence[tuple[int, int, int, int]], pieces: Sequence[str]) -> bytes:
    """``data`` after each ``(kind, a, b, c)`` of ``ops``: flip a bit, cut, duplicate a stretch, insert
    one of ``pieces``, truncate, insert a run of one byte, reverse a stretch.

    The numbers are taken modulo what they index, so any integers are a valid operation.
    """
    buf = bytearray(data)
    for kind, a, b, c in ops:
        piece = pieces[c % len(pieces)].encode("utf-8", "surrogatepass")
        if not buf:
            buf.extend(piece)
            continue
        i, j = sorted((a % len(buf), b % len(buf)))
        kind %= 7
        if kind == 0:
            buf[i] ^= 1 << (c % 8)
        elif kind == 1:
            del buf[i:j]
        elif kind == 2:
            buf[i:i] = buf[i:j] * (1 + c % 4)
        elif kind == 3:
            buf[i:i] = piece
        elif kind == 4:
            del buf[j:]
        elif kind == 5:
            buf[i:i] = bytes([c % 256]) * (1 + b % 64)
        else:
            buf[i:j] = buf[i:j][::-1]
    return bytes(buf)
