"""In-process throughput: articles per second of ``parse_text`` per dialect and input size, on one core.

Inputs are invented with ``make_corpus`` (the same articles the batch benchmark
writes) in each dialect's layout, at three sizes: *short* (a headline, a byline,
a date and one paragraph), *typical* (three to eight paragraphs; saved pages get
the scripts, menus and footers real pages carry) and *1 MB* (one long article;
for the Nexis and Factiva exports, a 1 MB export of typical articles). Each case
cycles through many different inputs, so no cache sees the same text twice in a
row, and runs for at least ``--seconds`` of CPU time.

Speed is per CPU second of this process (``time.process_time``): what one core
does, least disturbed by other work on the machine.

    python benchmarks/bench_throughput.py
    python benchmarks/bench_throughput.py --dialects plain,html --seconds 2 --json throughput.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus as corpus  # noqa: E402
from report import header  # noqa: E402

DIALECTS: tuple[str, ...] = ("plain", "reader", "frontmatter", "nexis", "factiva", "email", "html")
SIZES: tuple[str, ...] = ("short", "typical", "1MB")
MB = 1024 * 1024

#: The plain-text target: typical articles per CPU second.
TARGET_PLAIN_TYPICAL = 3000

Article = dict[str, Any]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dialects", default=",".join(DIALECTS), help="comma-separated dialects (default: all)")
    parser.add_argument("--sizes", default=",".join(SIZES), help="comma-separated sizes (default: short,typical,1MB)")
    parser.add_argument("--seconds", type=float, default=1.0, help="CPU seconds per case at least (default 1)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    args = parser.parse_args(argv)
    result = run(dialects=args.dialects.split(","), sizes=args.sizes.split(","), seconds=args.seconds)
    print(table(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


# --------------------------------------------------------------------------- inputs


def shortened(article: Article) -> Article:
    """The article cut to its first paragraph's first sentence."""
    first = str(article["paragraphs"][0])  # type: ignore[index]
    end = first.find(". ")
    return {**article, "paragraphs": [first[: end + 1] if end > 0 else first], "caption": None}


def lengthened(article: Article, rng: random.Random, size: int = MB) -> Article:
    """The article with paragraphs of other invented articles added until its body is ``size`` characters."""
    paragraphs = list(article["paragraphs"])  # type: ignore[call-overload]
    total = sum(len(p) + 2 for p in paragraphs)
    while total < size:
        for paragraph in corpus.invent(rng)["paragraphs"]:  # type: ignore[union-attr]
            paragraphs.append(paragraph)
            total += len(paragraph) + 2
    return {**article, "paragraphs": paragraphs}


def nexis_document(article: Article, number: int, total: int) -> str:
    """One document of a Nexis text export: counter, publication, date, headline, labels, wrapped body, tail."""
    month = corpus.MONTHS[article["month"] - 1]  # type: ignore[operator]
    weekday = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[
        (article["day"] + article["month"]) % 7]  # type: ignore[operator]
    site = str(article["site"]).split(".")[0].replace("harbour", "Harbour ").title()
    words = sum(len(str(p).split()) for p in article["paragraphs"])  # type: ignore[union-attr]
    body = "\n\n".join(textwrap.fill(str(p), 76) for p in article["paragraphs"])  # type: ignore[union-attr]
    place = next((p for p in corpus.PLACES if str(article["paragraphs"][0]).startswith(p)), None)  # type: ignore[index]
    dateline = f"DATELINE: {place.title()}\n\n" if place else ""
    return (
        f"\n\n{' ' * 31}{number} of {total} DOCUMENTS\n\n\n{' ' * 28}{site}\n\n"
        f"{' ' * 26}{month} {article['day']}, {article['year']} {weekday}\n{' ' * 30}Final Edition\n\n"
        f"{article['headline']}\n\nBYLINE: By {corpus.byline(article)}\n\nSECTION: NEWS; Pg. 4\n\n"
        f"LENGTH: {words} words\n\n{dateline}{body}\n\nLOAD-DATE: {month} {article['day']}, {article['year']}\n\n"
        f"LANGUAGE: ENGLISH\n\nPUBLICATION-TYPE: Newspaper\n\n\n{' ' * 18}Copyright {article['year']} {site}\n"
        f"{' ' * 27}All Rights Reserved\n"
    )


def nexis_export(articles: list[Article]) -> str:
    """A Nexis text export of ``articles``: a cover block, then one document each."""
    cover = (f"{' ' * 26}Copyright {articles[0]['year']} LexisNexis,\n{' ' * 21}a division of Reed Elsevier Inc.\n"
             f"{' ' * 27}All Rights Reserved\n\nSearch Terms: council OR harbour\nDocuments: {len(articles)}\n")
    return cover + "".join(nexis_document(a, i, len(articles)) for i, a in enumerate(articles, 1))


def factiva_document(article: Article) -> str:
    """One article of a Factiva export with two-letter field codes (HD, BY, WC, PD, SN, LP, TD, AN...)."""
    paragraphs = [str(p) for p in article["paragraphs"]]  # type: ignore[union-attr]
    words = sum(len(p.split()) for p in paragraphs)
    source = str(article["site"]).split(".")[0].upper()[:5]
    month = corpus.MONTHS[article["month"] - 1]  # type: ignore[operator]
    lead = paragraphs[0]
    rest = "\n\n\t".join(paragraphs[1:]) if len(paragraphs) > 1 else ""
    text = f"TD\t{rest}\n" if rest else ""
    return (
        f"HD\t{article['headline']}\nBY\tBy {corpus.byline(article)}\nWC\t{words} words\n"
        f"PD\t{article['day']} {month} {article['year']}\nET\t{article['hour']:02d}:{article['minute']:02d}\n"
        f"SN\t{str(article['site']).split('.')[0].title()}\nSC\t{source}\nLA\tEnglish\n"
        f"CY\tCopyright {article['year']} {str(article['site']).split('.')[0].title()} Ltd. All Rights Reserved.\n"
        f"LP\t{lead}\n{text}"
        f"AN\tDocument {source}00020{article['year']}{article['month']:02d}{article['day']:02d}ek0000001\n\n"
    )


def factiva_export(articles: list[Article]) -> str:
    return "".join(factiva_document(a) for a in articles)


def dressed_page(article: Article, rng: random.Random, furniture: int = 1) -> str:
    """``make_corpus``'s page with what real pages carry: scripts, styles, JSON-LD, menus, related links, footer."""
    page = corpus.html_page(article)
    links = "".join(f'<li class="menu-item menu-item-{i}"><a href="/section/{i}">Section {i}</a></li>'
                    for i in range(40 * furniture))
    script = "function track(e){var d=window.dataLayer||[];d.push({event:e,ts:Date.now()});return d}\n" * 60
    style = ".menu-item{display:inline-block;margin:0 4px}.related a{color:#333}\n" * 80
    jsonld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": article["headline"],
                         "datePublished": corpus.iso_date(article), "url": article["url"],
                         "author": [{"@type": "Person", "name": n} for n in article["authors"]]})  # type: ignore[union-attr]
    head = (f'<script type="application/ld+json">{jsonld}</script>\n'
            + "".join(f"<script>{script}</script>\n" for _ in range(3 * furniture))
            + f"<style>{style}</style>\n")
    related = "".join(
        f'<li><a href="{a["url"]}">{a["headline"]}</a></li>'
        for a in (corpus.invent(rng) for _ in range(12 * furniture)))
    page = page.replace("</head>", head + "</head>", 1)
    page = page.replace("<nav>", f'<header class="site-header"><ul class="menu">{links}</ul></header>\n  <nav>', 1)
    return page.replace("</main>", f'</main>\n  <aside class="related"><ul>{related}</ul></aside>\n'
                        f'  <div class="comments" id="comments"><p>Comments are closed.</p></div>', 1)


def render(dialect: str, size: str, rng: random.Random) -> str:
    """One input of ``dialect`` at ``size``."""
    article = corpus.invent(rng)
    if size == "short":
        article = shortened(article)
    if dialect in ("nexis", "factiva"):
        articles = [article]
        if size == "1MB":
            articles = [corpus.invent(rng) for _ in range(5)]
            export = nexis_export if dialect == "nexis" else factiva_export
            while len(export(articles)) < MB:
                articles.extend(corpus.invent(rng) for _ in range(50))
        return nexis_export(articles) if dialect == "nexis" else factiva_export(articles)
    if size == "1MB":
        article = lengthened(article, rng)
    if dialect == "html":
        return corpus.html_page(article) if size == "short" else dressed_page(article, rng)
    renderers: dict[str, Callable[[Article], str]] = {
        "plain": corpus.plain_stack,
        "reader": corpus.reader_output,
        "frontmatter": corpus.front_matter,
        "email": corpus.email_message,
    }
    return renderers[dialect](article)


#: The file name each dialect's inputs go by (its extension is a detection hint, as in real use).
SOURCES = {"plain": "article.txt", "reader": "page.txt", "frontmatter": "note.md", "nexis": "export.txt",
           "factiva": "export.txt", "email": "message.eml", "html": "page.html"}


def inputs(dialect: str, size: str, seed: int = 20250204) -> list[str]:
    """Distinct inputs for one case: many small ones, a few large ones."""
    rng = random.Random(f"{seed}-{dialect}-{size}")
    count = 3 if size == "1MB" else 200
    return [render(dialect, size, rng) for _ in range(count)]


# --------------------------------------------------------------------------- the run


def measure(texts: list[str], source: str, seconds: float) -> dict[str, Any]:
    """Parse the texts round-robin for at least ``seconds`` of CPU time; rates per CPU and wall second."""
    from newsclip import parse_text

    records = parse_text(texts[0], source=source)  # warm-up: lazy imports and first compiles
    dialect = records[0].dialect if records else None
    done = articles = chars = 0
    started_cpu, started_wall = time.process_time(), time.perf_counter()
    while True:
        for text in texts:
            articles += len(parse_text(text, source=source))
            chars += len(text)
            done += 1
        spent = time.process_time() - started_cpu
        if spent >= seconds:
            break
    wall = time.perf_counter() - started_wall
    return {
        "inputs": done,
        "dialect_detected": dialect,
        "inputs_per_second": round(done / spent, 1),
        "articles_per_second": round(articles / spent, 1),
        "mb_per_second": round(chars / MB / spent, 2),
        "inputs_per_wall_second": round(done / wall, 1),
        "avg_input_kb": round(chars / done / 1024, 1),
        "articles_per_input": round(articles / done, 1),
    }


def run(*, dialects: list[str] | None = None, sizes: list[str] | None = None, seconds: float = 1.0) -> dict[str, Any]:
    """Every (dialect, size) case; the plain-text target checked on the typical case."""
    rows = []
    for dialect in dialects or list(DIALECTS):
        for size in sizes or list(SIZES):
            texts = inputs(dialect, size)
            row = {"dialect": dialect, "size": size, **measure(texts, SOURCES[dialect], seconds)}
            rows.append(row)
            print(f"  {dialect:12} {size:8} {row['inputs_per_second']:>9,.1f} inputs/s", file=sys.stderr)
    plain = next((r for r in rows if r["dialect"] == "plain" and r["size"] == "typical"), None)
    rate = plain["articles_per_second"] if plain else None
    return {
        **header("throughput"),
        "seconds_per_case": seconds,
        "rows": rows,
        "target": f"plain typical >= {TARGET_PLAIN_TYPICAL:,} articles per CPU second",
        "plain_typical_articles_per_second": rate,
        "target_met": None if rate is None else rate >= TARGET_PLAIN_TYPICAL,
    }


def table(result: dict[str, Any]) -> str:
    """The result as a Markdown table, with the target line under it."""
    lines = [
        "| dialect | size | avg input | articles/input | inputs/s (CPU) | articles/s (CPU) | MB/s | detected as |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in result["rows"]:
        detected = r["dialect_detected"] if r["dialect_detected"] == r["dialect"] else f"**{r['dialect_detected']}**"
        size = f"{r['avg_input_kb'] / 1024:.2f} MB" if r["avg_input_kb"] >= 1024 else f"{r['avg_input_kb']:.1f} KB"
        lines.append(f"| {r['dialect']} | {r['size']} | {size} | {r['articles_per_input']:g} | "
                     f"{r['inputs_per_second']:,.1f} | {r['articles_per_second']:,.1f} | {r['mb_per_second']:.2f} | "
                     f"{detected} |")
    met = result["target_met"]
    verdict = "not measured" if met is None else ("met" if met else "NOT met")
    lines.append("")
    lines.append(f"at least {result['seconds_per_case']:g} CPU s per case; load average {result['load_average']}; "
                 f"target {result['target']}: {verdict} ({result['plain_typical_articles_per_second']})")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
