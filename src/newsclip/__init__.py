"""newsclip: raw article files in, clean structured records out.

>>> import newsclip
>>> [article] = newsclip.parse_text("Storm Hits Coast\n\nBy Jane Doe\n\nMarch 3, 2025\n\nThe storm ...")
>>> article.headline
'Storm Hits Coast'
"""

from ._version import __version__
from .api import parse_bytes, parse_file, parse_text
from .errors import InputError, NewsclipError
from .model import FIELDS, Article, Provenance
from .settings import Settings

__all__ = [
    "FIELDS",
    "Article",
    "InputError",
    "NewsclipError",
    "Provenance",
    "Settings",
    "__version__",
    "parse_bytes",
    "parse_file",
    "parse_text",
]
