"""How much weight a file name's extension adds when sniffing dialects."""

#: Characters of the input a dialect's sniffer sees; every signature sits near the top.
SNIFF_HEAD_CHARS = 20_000

#: (dialect, extension) -> score added to that dialect's sniff score.
EXTENSION_HINTS: dict[tuple[str, str], float] = {
    ("html", ".html"): 0.3,
    ("html", ".htm"): 0.3,
    ("html", ".xhtml"): 0.3,
    ("email", ".eml"): 0.3,
    ("email", ".mbox"): 0.2,
    ("frontmatter", ".md"): 0.1,
    ("frontmatter", ".markdown"): 0.1,
}
