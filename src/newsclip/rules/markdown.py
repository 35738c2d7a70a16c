"""Markdown shapes removed or unwrapped before Markdown body text becomes paragraphs.

Pattern sources only; :mod:`newsclip.fields.markdown` compiles them. Every
quantifier is bounded or stops at the character that would close the
construct, so a 1 MB single line is scanned in linear time.
"""

#: Longest link text / emphasised run / URL the inline patterns look at.
MAX_INLINE = 500
MAX_URL = 2000

#: The ``(url "title")`` part of a link or image; one level of parentheses inside
#: the URL is allowed (``/wiki/Bay_(Cork)``).
_TARGET = r"\((?:[^()\n]{0,2000}|[^()\n]{0,1000}\([^()\n]{0,500}\)[^()\n]{0,1000})\)"

#: An inline image anywhere in a line (dropped, alt text included).
INLINE_IMAGE = r"!\[[^\[\]\n]{0,500}\]" + _TARGET

#: A line holding only images, possibly wrapped in links ``[![alt](src)](href)``.
#: Spaces inside an opening ``[`` are only allowed after it: were they optional
#: before the ``!`` too, each gap between images could be split two ways, and
#: a line of images ending in junk would take exponential time to reject.
IMAGE_LINE = r"^\s{0,3}(?:(?:\[\s{0,3})?!\[[^\[\]\n]{0,500}\]" + _TARGET + r"(?:\]" + _TARGET + r")?\s{0,10}){1,20}$"

#: An inline link ``[text](url "title")``; group 1 is the text kept.
INLINE_LINK = r"\[([^\[\]\n]{0,500})\]" + _TARGET

#: A reference-style link ``[text][ref]``; group 1 is the text kept.
REFERENCE_LINK = r"\[([^\[\]\n]{1,500})\]\[[^\[\]\n]{0,100}\]"

#: A reference definition line ``[1]: https://…`` (dropped).
REFERENCE_DEFINITION = r"^\s{0,3}\[[^\[\]\n]{1,100}\]:\s{0,10}\S"

#: An autolink ``<https://…>`` (dropped from running text).
AUTOLINK = r"<(?:https?|mailto):[^<>\s]{1,2000}>"

#: Strong and plain emphasis; group 1 is the text kept. ``_`` forms only at word edges,
#: so ``snake_case`` names survive.
STRONG_STARS = r"\*\*(?=\S)([^*\n]{1,500})(?<=\S)\*\*"
STRONG_UNDERSCORES = r"(?<!\w)__(?=\S)([^_\n]{1,500})(?<=\S)__(?!\w)"
EMPHASIS_STAR = r"(?<![*\w])\*(?=[^\s*])([^*\n]{1,500})(?<=\S)\*(?![*\w])"
EMPHASIS_UNDERSCORE = r"(?<!\w)_(?=[^\s_])([^_\n]{1,500})(?<=\S)_(?!\w)"
STRIKETHROUGH = r"~~(?=\S)([^~\n]{1,500})(?<=\S)~~"

#: Inline code: the backticks go, the text stays.
INLINE_CODE = r"`([^`\n]{1,500})`"

#: Characters Markdown lets a backslash escape.
ESCAPABLE = r"\\([\\`*_{}\[\]()#+\-.!|~<>])"

#: The opening of an ATX heading ``## Title``; the text is what follows the match
#: (a closing ``##`` run is trimmed in code).
ATX_HEADING = r"^\s{0,3}#{1,6}(?:[ \t]+|$)"

#: The patterns below that end in ``$`` are matched against the line with its
#: surrounding white space stripped, so no two white-space runs can compete.

#: A setext underline or thematic break: ``=====``, ``-----``, ``***``, ``___``, ``- - -``.
RULE_LINE = r"^(?:=+|-(?:[ \t]*-){2,}|\*(?:[ \t]*\*){2,}|_(?:[ \t]*_){2,})$"

#: A setext underline made of ``=`` only (``---`` may also be a thematic break).
EQUALS_LINE = r"^=+$"

#: An unordered list bullet; group 1 is the item text.
BULLET = r"^\s{0,12}[-*+•][ \t]+(\S[^\n]*)$"

#: An ordered list item ``1. text`` / ``1) text`` (kept as written).
ORDERED_ITEM = r"^\s{0,12}\d{1,3}[.)][ \t]+\S"

#: A blockquote marker ``> `` (possibly nested ``> >``).
BLOCKQUOTE = r"^\s{0,3}(?:>[ \t]?){1,10}"

#: A fenced-code fence line (the fence goes, the code stays).
FENCE = r"^(?:`{3,}|~{3,})[^\n]*$"

#: A table separator row ``| --- | :---: |``.
TABLE_SEPARATOR = r"^\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?)?$"

#: A template directive line of static-site generators: ``{% include x %}``, ``{{< figure >}}``.
TEMPLATE_LINE = r"^(?:\{%[^\n]{0,2000}%\}|\{\{[^\n]{0,2000}\}\})$"

#: Title comparison: characters other than letters, digits and spaces are ignored.
TITLE_NOISE = r"[^\w\s]+"

#: A heading repeats the title when it is at least this share of the title's length
#: and one starts with the other (the title may carry a site suffix).
TITLE_PREFIX_SHARE = 0.5
