"""The work of ``newsclip parse``: parse each input and write its records as they come.

Free of click, so the quick start (:mod:`newsclip.cli.quick`) and the click
command run the very same loop.
"""

from __future__ import annotations

from ..api import parse_bytes, parse_file
from .streams import STDIO, read_stdin_bytes

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: a plain parse starts faster without it
    from collections.abc import Callable, Sequence

    from ..model import Article
    from ..output import Writer
    from ..settings import Settings


def parse_into(writer: Writer, files: Sequence[str], settings: Settings,
               report: Callable[[str, BaseException], None]) -> bool:
    """Parse each input and write its records; ``report`` each input that fails; say whether all parsed."""
    ok = True
    for path in files:
        try:
            articles = parse_one(path, settings)
        except Exception as exc:  # any failure of one input is reported, and the others go on
            report(path, exc)
            ok = False
            continue
        for article in articles:
            writer.write(article)
    writer.close()
    return ok


def parse_one(path: str, settings: Settings) -> list[Article]:
    """The articles of one input: a file path, or ``-`` for stdin."""
    if path == STDIO:
        return parse_bytes(read_stdin_bytes(settings.max_bytes), source=STDIO, settings=settings)
    return parse_file(path, settings)
