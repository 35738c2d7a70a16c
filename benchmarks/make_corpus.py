"""Generate a folder of invented article files in several dialects, for benchmarks and batch tests.

Every file is made up from the word lists below with a fixed seed, so the same
arguments always give the same bytes. Layouts: plain header stacks, labelled
plain dumps, Markdown with YAML front matter, reader-service output, small
saved web pages and e-mail newsletters, spread over nested folders the way a
scraped collection usually is (``SOURCE/YEAR-MONTH/NNNNNN-slug.EXT``).

    python benchmarks/make_corpus.py /tmp/corpus --files 10000
    python benchmarks/make_corpus.py /tmp/corpus --files 200 --bad 4
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections.abc import Callable

FIRST_NAMES = ("Anna", "Ben", "Clara", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal",
               "Lena", "Marco", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Samuel", "Tomasz", "Ula",
               "Viktor", "Wen", "Yara", "Zoe")
LAST_NAMES = ("Abbott", "Bergström", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hale", "Ivanova",
              "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi",
              "Sato", "Tanaka", "Urban", "Vargas", "Weber", "Young", "Zielinski")
AGENCIES = ("Reuters", "AP", "AFP", "Bloomberg", "dpa")
PLACES = ("OSLO", "LISBON", "NAIROBI", "MONTREAL", "KRAKOW", "VALPARAISO", "BRISBANE", "TALLINN", "ACCRA",
          "SAPPORO")
SUBJECTS = ("City Council", "Harbour Authority", "Rail Operator", "Regional Hospital", "Water Board",
            "Chess Federation", "Orchestra", "Fishing Cooperative", "University Library", "Ferry Company",
            "Wind Farm", "Bakers' Guild", "Museum of Maps", "Cycling Club", "Weather Service")
VERBS = ("Approves", "Delays", "Unveils", "Rejects", "Expands", "Cancels", "Reopens", "Funds", "Reviews",
         "Doubles")
OBJECTS = ("Budget for Bridge Repairs", "Night Bus Routes", "Plan for Seaside Park", "Tram Extension",
           "Winter Festival", "Flood Barrier Project", "Library Opening Hours", "Solar Roof Scheme",
           "Ticket Price Rise", "Harbour Dredging Work", "School Meal Programme", "Archive Digitisation")
SITES = ("harbourgazette.example", "northernledger.example", "dailycompass.example", "valleytimes.example",
         "coastalherald.example")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SENTENCE_OPENERS = ("Officials said", "Residents told reporters", "According to a statement,",
                    "In a vote on Tuesday,", "Critics argued that", "Supporters noted that",
                    "A spokesperson confirmed that", "Figures released this week show that",
                    "Local businesses expect that", "The committee agreed that")
SENTENCE_MIDDLES = ("the project would take longer than planned", "costs had risen by nearly a fifth",
                    "the work should finish before the summer", "more staff would be hired in the spring",
                    "the old timetable no longer matched demand", "a public hearing will be held next month",
                    "the decision followed months of debate", "the money would come from reserves",
                    "several roads would close for a week", "the plan still needs regional approval")
SENTENCE_ENDS = (".", ", and the details will be published online.", ", a change many had asked for.",
                 " despite earlier objections.", ", officials said.", " after a long consultation.")
CAPTIONS = ("Workers inspect the site on Monday", "The council chamber during the vote",
            "Commuters wait at the central station", "A view of the harbour at dawn")

Article = dict[str, object]


def invent(rng: random.Random) -> Article:
    """One invented article: headline, authors, date parts, body paragraphs, url."""
    headline = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    authors = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(rng.choice((1, 1, 1, 2)))]
    agency = rng.choice(AGENCIES) if rng.random() < 0.3 else None
    year, month, day = rng.choice((2023, 2024, 2025)), rng.randint(1, 12), rng.randint(1, 28)
    hour, minute = rng.randint(6, 22), rng.choice((0, 5, 15, 30, 45))
    paragraphs = []
    for number in range(rng.randint(3, 8)):
        sentences = [f"{rng.choice(SENTENCE_OPENERS)} {rng.choice(SENTENCE_MIDDLES)}{rng.choice(SENTENCE_ENDS)}"
                     for _ in range(rng.randint(2, 5))]
        paragraphs.append(" ".join(sentences))
    if rng.random() < 0.4:
        paragraphs[0] = f"{rng.choice(PLACES)} ({agency or 'Reuters'}) - " + paragraphs[0]
    slug = "-".join(headline.lower().replace("'", "").split())
    site = rng.choice(SITES)
    return {
        "headline": headline, "authors": authors, "agency": agency, "year": year, "month": month, "day": day,
        "hour": hour, "minute": minute, "paragraphs": paragraphs, "slug": slug, "site": site,
        "url": f"https://www.{site}/{year}/{month:02d}/{day:02d}/{slug}",
        "caption": rng.choice(CAPTIONS) if rng.random() < 0.3 else None,
    }


def byline(article: Article) -> str:
    names = " and ".join(article["authors"])  # type: ignore[arg-type]
    return f"{names}, {article['agency']}" if article["agency"] else names


def long_date(article: Article) -> str:
    return f"{MONTHS[article['month'] - 1]} {article['day']}, {article['year']}"  # type: ignore[index,operator]


def iso_date(article: Article) -> str:
    a = article
    return f"{a['year']}-{a['month']:02d}-{a['day']:02d}T{a['hour']:02d}:{a['minute']:02d}:00+00:00"


def body(article: Article) -> str:
    return "\n\n".join(article["paragraphs"])  # type: ignore[arg-type]


def plain_stack(article: Article) -> str:
    """Headline, byline, date, optional caption, body, then the URL: the classic scraper dump."""
    caption = f"{article['caption']} {article['authors'][0]} / {article['agency'] or 'AFP'}\n\n" \
        if article["caption"] else ""  # type: ignore[index]
    return (f"{article['headline']}\n\nBy {byline(article)}\n\n{long_date(article)}\n\n{caption}{body(article)}\n\n"
            f"Original url: {article['url']}\n")


def plain_labelled(article: Article) -> str:
    """``Label: value`` header lines, then the body."""
    return (f"Title: {article['headline']}\nAuthor(s): {', '.join(article['authors'])}\n"  # type: ignore[arg-type]
            f"Published: {article['year']}-{article['month']:02d}-{article['day']:02d} "
            f"{article['hour']:02d}:{article['minute']:02d}:00\nURL: {article['url']}\n\n{body(article)}\n")


def front_matter(article: Article) -> str:
    """A web clipper's Markdown note: YAML front matter, a title heading, the body."""
    authors = "\n".join(f'  - "{name}"' for name in article["authors"])  # type: ignore[union-attr]
    return (f'---\ntitle: "{article["headline"]}"\nsource: {article["url"]}\nauthor:\n{authors}\n'
            f"published: {article['year']}-{article['month']:02d}-{article['day']:02d}\n"
            f"tags:\n  - clippings\n---\n\n# {article['headline']}\n\n{body(article)}\n")


def reader_output(article: Article) -> str:
    """Reader-service output: Title, URL Source, Published Time, then Markdown Content."""
    return (f"Title: {article['headline']} | {article['site']}\n\nURL Source: {article['url']}\n\n"
            f"Published Time: {iso_date(article)}\n\nMarkdown Content:\n{article['headline']}\n"
            f"{'=' * len(str(article['headline']))}\n\nBy {byline(article)}\n\n{body(article)}\n")


def html_page(article: Article) -> str:
    """A small saved web page with OpenGraph metadata, navigation and an article element."""
    paragraphs = "\n".join(f"      <p>{p}</p>" for p in article["paragraphs"])  # type: ignore[union-attr]
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{article['headline']} | {article['site']}</title>
  <meta property="og:title" content="{article['headline']}">
  <meta property="og:url" content="{article['url']}">
  <meta property="article:published_time" content="{iso_date(article)}">
  <meta name="author" content="{', '.join(article['authors'])}">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/login">Sign In</a></nav>
  <main>
    <article>
      <h1>{article['headline']}</h1>
      <p class="byline">By {byline(article)}</p>
      <time datetime="{iso_date(article)}">{long_date(article)}</time>
{paragraphs}
    </article>
  </main>
  <footer>&copy; {article['year']} {article['site']}</footer>
</body>
</html>
"""


def email_message(article: Article) -> str:
    """A forwarded newsletter: RFC 822 headers, a blank line, the body and a footer."""
    name = article["authors"][0]  # type: ignore[index]
    user = str(name).split()[0].lower()
    weekdays = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    weekday = weekdays[(article["day"] + article["month"]) % 7]  # type: ignore[operator]
    month = MONTHS[article["month"] - 1][:3]  # type: ignore[operator]
    return (f"From: {name} <{user}@{article['site']}>\nTo: reader@example.org\n"
            f"Subject: {article['headline']}\n"
            f"Date: {weekday}, {article['day']:02d} {month} {article['year']} {article['hour']:02d}:"
            f"{article['minute']:02d}:00 +0000\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
            f"{body(article)}\n\nRead online: {article['url']}\n\nUnsubscribe from this list.\n")


#: Layout name -> (file extension, renderer, source folder).
LAYOUTS: dict[str, tuple[str, Callable[[Article], str], str]] = {
    "plain": (".txt", plain_stack, "scraper"),
    "labelled": (".txt", plain_labelled, "exports"),
    "frontmatter": (".md", front_matter, "clippings"),
    "reader": (".txt", reader_output, "reader"),
    "html": (".html", html_page, "pages"),
    "email": (".eml", email_message, "newsletters"),
}

#: Bad inputs: name -> bytes (empty, binary, whitespace only, an archive).
BAD_FILES: tuple[tuple[str, bytes], ...] = (
    ("empty.txt", b""),
    ("picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
    ("blank.txt", b"   \n\n\t\n"),
    ("bundle.txt", b"PK\x03\x04" + b"\x00" * 64),
)


def make_corpus(folder: str, files: int, *, seed: int = 20250204, bad: int = 0) -> list[str]:
    """Write ``files`` good files (and ``bad`` bad ones spread among them) under ``folder``; return their paths."""
    rng = random.Random(seed)
    names = list(LAYOUTS)
    written = []
    bad_every = max(1, files // bad) if bad else 0
    bad_written = 0
    for index in range(files):
        layout = names[index % len(names)]
        ext, render, source = LAYOUTS[layout]
        article = invent(rng)
        sub = os.path.join(folder, source, f"{article['year']}-{article['month']:02d}")
        path = os.path.join(sub, f"{index:06d}-{str(article['slug'])[:40]}{ext}")
        _write(path, render(article).encode("utf-8"))
        written.append(path)
        if bad_every and index % bad_every == bad_every // 2 and bad_written < bad:
            name, data = BAD_FILES[bad_written % len(BAD_FILES)]
            bad_path = os.path.join(sub, f"{index:06d}-x-{name}")
            _write(bad_path, data)
            written.append(bad_path)
            bad_written += 1
    return written


def _write(path: str, data: bytes) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", help="where to write the files (created if missing)")
    parser.add_argument("--files", type=int, default=1000, help="how many good files (default 1000)")
    parser.add_argument("--bad", type=int, default=0, help="how many bad files to mix in (default 0)")
    parser.add_argument("--seed", type=int, default=20250204, help="random seed (default fixed)")
    args = parser.parse_args(argv)
    paths = make_corpus(args.folder, args.files, seed=args.seed, bad=args.bad)
    print(f"wrote {len(paths)} files under {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
