"""HTML against the peers: pages per second of newsclip, trafilatura, newspaper4k and goose3 on real pages.

Every tool runs in this one process on the same pages, interleaved page by page
(the order of the tools turns round from page to page), so load on a shared
machine falls on all of them alike. Each page is read and decoded once,
outside the timing, and every tool gets the same text and does its whole job:
metadata (title, authors, date, URL) and article text. A peer that is not
installed is skipped with a note (``pip install -e '.[bench]'`` installs them).

Speed is pages per CPU second of this process (``time.process_time``), which
a busy machine disturbs least; pages per wall second are shown beside it.
Accuracy is scored separately, on the same pages (see benchmarks/README.md).

One more "tool", ``newsclip-plain``, parses ``PLAIN_BATCH`` invented plain-text
articles (the throughput benchmark's typical ones) at each page's turn: the
plain-text rate measured in the same interleaved loop as trafilatura, so the
ratio between them does not drift with the machine's speed between two runs.

    python benchmarks/bench_html_peers.py                       # the development pages
    python benchmarks/bench_html_peers.py --pages DIR --limit 100 --json peers.json
"""

from __future__ import annotations

import argparse
import glob
import json
import logging
import os
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import header  # noqa: E402

#: Where ``bash ../shared/eval/prepare.sh`` unpacks the development sets.
DEFAULT_PAGES = "/tmp/newsclip-dev-cache/sets/*/html"

#: The HTML target: newsclip at least this many times trafilatura's pages per second.
TARGET_RATIO = 2.0
#: The plain-text target: newsclip's typical plain articles per second ÷ trafilatura's pages per second.
TARGET_PLAIN_RATIO = 100.0
#: Plain-text articles ``newsclip-plain`` parses at each page's turn.
PLAIN_BATCH = 100

Extractor = Callable[[str, str], Any]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="append", metavar="DIR",
                        help=f"folder of .html pages, searched recursively; may repeat (default {DEFAULT_PAGES})")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N pages (default: all)")
    parser.add_argument("--rounds", type=int, default=1, help="passes over the pages (default 1)")
    parser.add_argument("--tools", default="newsclip,newsclip-plain,trafilatura,newspaper4k,goose3",
                        help="comma-separated tools to run (default: all, with the newsclip-plain reference)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    args = parser.parse_args(argv)
    paths = find_pages(args.pages or [DEFAULT_PAGES], args.limit)
    if not paths:
        print("no pages found: run `bash ../shared/eval/prepare.sh` or pass --pages DIR", file=sys.stderr)
        return 2
    result = run(paths, tools=args.tools.split(","), rounds=args.rounds)
    print(table(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


def find_pages(patterns: list[str], limit: int = 0) -> list[str]:
    """Every ``.html``/``.htm`` file under the folders (glob patterns allowed), sorted."""
    found: set[str] = set()
    for pattern in patterns:
        for folder in glob.glob(pattern) or [pattern]:
            if os.path.isfile(folder):
                found.add(folder)
                continue
            for ext in ("html", "htm"):
                found.update(glob.glob(os.path.join(folder, "**", f"*.{ext}"), recursive=True))
    paths = sorted(found)
    return paths[:limit] if limit > 0 else paths


# --------------------------------------------------------------------------- the tools


def newsclip_extractor() -> tuple[Extractor, str]:
    """newsclip's library call, as ``newsclip parse`` makes it."""
    import newsclip
    from newsclip import parse_text

    def extract(html: str, path: str) -> Any:
        return parse_text(html, source=path)

    return extract, newsclip.__version__


def plain_reference_extractor() -> tuple[Extractor, str]:
    """newsclip on ``PLAIN_BATCH`` typical plain-text articles per call; the page it is handed is ignored."""
    import itertools

    import newsclip
    from bench_throughput import SOURCES, inputs
    from newsclip import parse_text

    articles = itertools.cycle(inputs("plain", "typical"))
    source = SOURCES["plain"]

    def extract(html: str, path: str) -> Any:
        for _ in range(PLAIN_BATCH):
            parse_text(next(articles), source=source)

    return extract, newsclip.__version__


def trafilatura_extractor() -> tuple[Extractor, str]:
    """trafilatura's full extraction with metadata (title, author, date, url, text)."""
    import trafilatura

    def extract(html: str, path: str) -> Any:
        return trafilatura.bare_extraction(html, with_metadata=True)

    return extract, _version("trafilatura")


def newspaper4k_extractor() -> tuple[Extractor, str]:
    """newspaper4k's ``Article.parse`` on given HTML (no download, no images)."""
    import newspaper

    def extract(html: str, path: str) -> Any:
        article = newspaper.Article("", fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return article

    return extract, _version("newspaper4k")


def goose3_extractor() -> tuple[Extractor, str]:
    """goose3's ``extract`` on given HTML (no fetching, no images)."""
    from goose3 import Goose

    goose = Goose({"enable_image_fetching": False})

    def extract(html: str, path: str) -> Any:
        return goose.extract(raw_html=html)

    return extract, _version("goose3")


TOOLS: dict[str, Callable[[], tuple[Extractor, str]]] = {
    "newsclip": newsclip_extractor,
    "newsclip-plain": plain_reference_extractor,
    "trafilatura": trafilatura_extractor,
    "newspaper4k": newspaper4k_extractor,
    "goose3": goose3_extractor,
}


def _version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "?"


def load_tools(names: list[str]) -> tuple[dict[str, tuple[Extractor, str]], dict[str, str]]:
    """The tools that import, and a note for each that does not."""
    loaded: dict[str, tuple[Extractor, str]] = {}
    skipped: dict[str, str] = {}
    for name in names:
        name = name.strip()
        if name not in TOOLS:
            skipped[name] = "unknown tool"
            continue
        try:
            loaded[name] = TOOLS[name]()
        except ImportError as exc:
            skipped[name] = f"not installed ({exc.name or exc}); pip install -e '.[bench]'"
    return loaded, skipped


# --------------------------------------------------------------------------- the run


def read_pages(paths: list[str]) -> list[tuple[str, str]]:
    """``(path, text)`` per page, decoded once as newsclip decodes files (outside any timing)."""
    from newsclip.errors import InputError
    from newsclip.reading import read_file

    pages = []
    for path in paths:
        try:
            pages.append((path, read_file(path)))
        except InputError:
            continue
    return pages


def run(paths: list[str], *, tools: list[str] | None = None, rounds: int = 1) -> dict[str, Any]:
    """Time every tool on every page, interleaved; pages per second per tool and ratios to trafilatura."""
    logging.disable(logging.WARNING)  # the peers log a line for every date they cannot read
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded, skipped = load_tools(tools or list(TOOLS))
        pages = read_pages(paths)
        names = list(loaded)
        cpu: dict[str, list[float]] = {n: [] for n in names}
        wall: dict[str, list[float]] = {n: [] for n in names}
        errors: dict[str, int] = dict.fromkeys(names, 0)
        for name in names:  # warm-up: lazy imports and caches filled before timing
            _call(loaded[name][0], pages[0])
        turn = 0
        for _ in range(max(1, rounds)):
            for page in pages:
                order = names[turn % len(names):] + names[:turn % len(names)]
                turn += 1
                for name in order:
                    ok, spent_cpu, spent_wall = _timed(loaded[name][0], page)
                    cpu[name].append(spent_cpu)
                    wall[name].append(spent_wall)
                    errors[name] += not ok
    rows = []
    for name in names:
        total_cpu, total_wall = sum(cpu[name]), sum(wall[name])
        rows.append({
            "tool": name,
            "version": loaded[name][1],
            "pages": len(cpu[name]),
            "errors": errors[name],
            "pages_per_cpu_second": round(len(cpu[name]) / total_cpu, 2) if total_cpu else None,
            "pages_per_wall_second": round(len(wall[name]) / total_wall, 2) if total_wall else None,
            "median_ms": round(statistics.median(cpu[name]) * 1000, 2) if cpu[name] else None,
        })
    base = next((r["pages_per_cpu_second"] for r in rows if r["tool"] == "trafilatura"), None)
    for row in rows:
        row["x_trafilatura"] = round(row["pages_per_cpu_second"] / base, 2) if base and row["pages_per_cpu_second"] else None
    ours = next((r for r in rows if r["tool"] == "newsclip"), None)
    ratio = ours["x_trafilatura"] if ours else None
    plain = next((r for r in rows if r["tool"] == "newsclip-plain"), None)
    plain_rate = plain["pages_per_cpu_second"] * PLAIN_BATCH if plain and plain["pages_per_cpu_second"] else None
    if plain:
        plain["x_trafilatura"] = None  # its calls are batches of articles, not pages: see the line under the table
    plain_ratio = round(plain_rate / base, 1) if plain_rate and base else None
    return {
        **header("html_peers"),
        "pages": len(pages),
        "rounds": rounds,
        "rows": rows,
        "skipped": skipped,
        "target": f"newsclip >= {TARGET_RATIO:g}x trafilatura pages/s",
        "newsclip_x_trafilatura": ratio,
        "target_met": None if ratio is None else ratio >= TARGET_RATIO,
        "plain_articles_per_cpu_second": round(plain_rate, 1) if plain_rate else None,
        "plain_target": f"newsclip plain articles/s >= {TARGET_PLAIN_RATIO:g}x trafilatura pages/s",
        "plain_x_trafilatura": plain_ratio,
        "plain_target_met": None if plain_ratio is None else plain_ratio >= TARGET_PLAIN_RATIO,
    }


def _call(extract: Extractor, page: tuple[str, str]) -> bool:
    path, text = page
    try:
        extract(text, path)
    except Exception:  # a peer failing on one page is counted, not fatal
        return False
    return True


def _timed(extract: Extractor, page: tuple[str, str]) -> tuple[bool, float, float]:
    started_cpu, started_wall = time.process_time(), time.perf_counter()
    ok = _call(extract, page)
    return ok, time.process_time() - started_cpu, time.perf_counter() - started_wall


def table(result: dict[str, Any]) -> str:
    """The result as a Markdown table, with notes and the target line under it."""
    lines = [
        "| tool | version | pages | errors | pages/s (CPU) | pages/s (wall) | median ms/page | × trafilatura |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in result["rows"]:
        ratio = f"{r['x_trafilatura']:.2f}×" if r["x_trafilatura"] is not None else "-"
        lines.append(f"| {r['tool']} | {r['version']} | {r['pages']} | {r['errors']} | "
                     f"{r['pages_per_cpu_second']:.1f} | {r['pages_per_wall_second']:.1f} | {r['median_ms']:.1f} | "
                     f"{ratio} |")
    lines.append("")
    for name, note in result["skipped"].items():
        lines.append(f"skipped {name}: {note}")
    met = result["target_met"]
    verdict = "not measured (trafilatura missing)" if met is None else ("met" if met else "NOT met")
    lines.append(f"{result['pages']} pages × {result['rounds']} round(s), interleaved; load average "
                 f"{result['load_average']}; target {result['target']}: {verdict}")
    if result.get("plain_x_trafilatura") is not None:
        plain_verdict = "met" if result["plain_target_met"] else "NOT met"
        lines.append(f"newsclip-plain parsed {PLAIN_BATCH} typical plain-text articles per turn: "
                     f"{result['plain_articles_per_cpu_second']:,.0f} articles/s = "
                     f"{result['plain_x_trafilatura']:g}× trafilatura's pages/s; target {result['plain_target']}: "
                     f"{plain_verdict}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
