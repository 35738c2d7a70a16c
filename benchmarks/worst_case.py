"""Worst-case timings: pathological inputs through ``parse_text`` and ``newsclip parse -f json``.

Each input must parse in under a second both ways; one that does not is
marked SLOW (and the exit code is 1), so a regex that backtracks or a loop
that goes quadratic shows up here before a user's folder finds it.

Usage::

    python benchmarks/worst_case.py            # every case
    python benchmarks/worst_case.py nested url # only cases whose name contains a word
    python benchmarks/worst_case.py --limit 2  # a different ceiling, in seconds
    python benchmarks/worst_case.py --regexes  # audit every compiled regex instead

Each case runs in a forked child (one for ``parse_text``, one for the CLI, so
no cache is shared) and one runaway case cannot stall the rest: it is
reported as TIMEOUT after ``--timeout`` seconds.

``--regexes`` builds, for every module-level pattern of the package, strings
that almost match it, repeats them to 5k characters and times a full scan;
a pattern slower than 1 µs per character (1 s per MB) is listed, with its
growth at double length (x1: linear but slow, x2: quadratic). A listed
pattern is harmless when the code only applies it to short strings (a line
already capped in length, or ``match`` at one position): check each use.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

MB = 1024 * 1024
PARAGRAPH = (
    "The harbour authority said on Tuesday that the new breakwater would be finished by the spring, "
    "two years later than planned, after storms damaged the first section last winter.\n\n"
)


@dataclass(frozen=True)
class Case:
    """One pathological input: a name, the file extension it is saved under, and its text."""

    name: str
    ext: str
    make: Callable[[], str]


def _head(body: str) -> str:
    return "Harbour Works Delayed Again\n\nBy Ana Ruiz\n\nMarch 3, 2025\n\n" + body


def _nested_jsonld(depth: int) -> str:
    inner = '{"@type": "NewsArticle", "headline": "Deep"}'
    for _ in range(depth):
        inner = '{"@type": "Thing", "about": ' + inner + "}"
    wrapped = "[" * depth + inner + "]" * depth
    return (
        "<html><head><title>Deep</title>"
        f'<script type="application/ld+json">{inner}</script>'
        f'<script type="application/ld+json">{wrapped}</script>'
        "</head><body><article><h1>Deep</h1><p>" + PARAGRAPH + "</p></article></body></html>"
    )


def _billion_laughs() -> str:
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    lines += ["title: Laughs", "author: *i", "tags: *i", "---", "", PARAGRAPH]
    return "\n".join(lines)


def _nexis_docs(count: int) -> str:
    parts = []
    for n in range(1, count + 1):
        parts.append(f"                              {n} of {count} DOCUMENTS\n\n")
    return "".join(parts) + "\n\nCoastal Courier\n\nFebruary 2, 2021 Tuesday\n\nHeadline\n\nBYLINE: A B\n\n" + PARAGRAPH


def _nexis_articles(count: int) -> str:
    parts = []
    for n in range(1, count + 1):
        parts.append(
            f"                              {n} of {count} DOCUMENTS\n\n"
            "                              Coastal Courier\n\n"
            "                           February 2, 2021 Tuesday\n\n"
            f"Wind farm plan number {n}\n\nBYLINE: Fiona MacLeod\n\nLENGTH: 40 words\n\n"
            + PARAGRAPH + "LOAD-DATE: February 3, 2021\n\nLANGUAGE: ENGLISH\n\n"
        )
    return "".join(parts)


def _factiva(count: int) -> str:
    one = (
        "HD\tDrought Forces Water Limits\nBY\tBy Marisol Vega\nWC\t104 words\nPD\t14 July 2021\n"
        "SN\tThe Associated Press\nLA\tEnglish\nLP\t" + PARAGRAPH.strip() + "\nTD\t" + PARAGRAPH.strip()
        + "\nAN\tDocument APRS000020210714eh7e00abc\n\n"
    )
    return one * count


def _mbox(count: int) -> str:
    one = (
        "From - Tue Feb  4 10:30:00 2025\nFrom: Desk <desk@example.org>\nSubject: Morning briefing\n"
        "Date: Tue, 4 Feb 2025 10:30:00 +0000\n\n" + PARAGRAPH
    )
    return one * count


def _email_headers(count: int) -> str:
    headers = "".join(f"X-Trace-{i}: {'a' * 40}\n" for i in range(count))
    return "From: Desk <desk@example.org>\nSubject: Briefing\nDate: Tue, 4 Feb 2025 10:30:00 +0000\n" + headers + "\n" + PARAGRAPH


def _front_matter_keys(count: int) -> str:
    keys = "".join(f"key{i}: value {i}\n" for i in range(count))
    return "---\ntitle: Many Keys\n" + keys + "---\n\n" + PARAGRAPH


CASES: tuple[Case, ...] = (
    Case("1 MB single line", "txt", lambda: "word " * (MB // 5)),
    Case("1 MB single line, no spaces", "txt", lambda: "x" * MB),
    Case("100k blank lines", "txt", lambda: "Headline\n" + "\n" * 100_000 + "Body text.\n"),
    Case("100k lines of spaces", "txt", lambda: "Headline\n" + " \n" * 100_000 + "Body text.\n"),
    Case('100k lines starting "By "', "txt", lambda: "By Ana Ruiz and Tom Lee\n" * 100_000),
    Case('100k "By" lines, no names', "txt", lambda: "By \n" * 100_000),
    Case("10k nested <div> (.html)", "html",
         lambda: "<html><body>" + "<div>" * 10_000 + "Deep text." + "</div>" * 10_000 + "</body></html>"),
    Case("10k nested <div> in text", "txt",
         lambda: _head("<div>" * 10_000 + PARAGRAPH + "</div>" * 10_000)),
    Case("10k unclosed <b> in text", "txt", lambda: _head("<b>" * 10_000 + PARAGRAPH)),
    Case("1 MB of date-like digits", "txt", lambda: "20250204" * (MB // 8)),
    Case("1 MB of 2025-02-04 dates", "txt", lambda: "2025-02-04 " * (MB // 11)),
    Case("1 MB of 04/05/2025 lines", "txt", lambda: "04/05/2025\n" * (MB // 11)),
    Case("1 MB of month names", "txt", lambda: "March 3, " * (MB // 9)),
    Case("URL of 100k characters", "txt", lambda: _head("https://example.org/" + "a" * 100_000 + "\n\n" + PARAGRAPH)),
    Case("URL of 100k chars with dots", "txt", lambda: "URL: https://" + "a." * 50_000 + "\n\n" + PARAGRAPH),
    Case("100k-char href (.html)", "html",
         lambda: '<html><body><a href="https://example.org/' + "a/" * 50_000 + '">x</a><p>'
         + PARAGRAPH + "</p></body></html>"),
    Case("1 MB of Title: lines", "txt", lambda: "Title: Harbour works\n" * (MB // 21)),
    Case("1 MB of Title: lines, empty", "txt", lambda: "Title: \n" * (MB // 8)),
    Case("50k Related article: lines", "txt",
         lambda: _head("Related article: Harbour works delayed\n" * 50_000 + PARAGRAPH)),
    Case("5 MB of one paragraph", "txt", lambda: _head(PARAGRAPH * (5 * MB // len(PARAGRAPH)))),
    Case("5 MB paragraph, one line", "txt", lambda: _head(PARAGRAPH.strip() * (5 * MB // len(PARAGRAPH)))),
    Case("20k N of M DOCUMENTS lines", "txt", lambda: _nexis_docs(20_000)),
    Case("Nexis export, 2k articles", "txt", lambda: _nexis_articles(2_000)),
    Case("Factiva export, 5k articles", "txt", lambda: _factiva(5_000)),
    Case("front matter, 100k keys", "md", lambda: _front_matter_keys(100_000)),
    Case("front matter, unclosed", "md", lambda: "---\n" + "title: x\n" * 100_000),
    Case("YAML billion laughs", "md", _billion_laughs),
    Case("YAML 10k nested lists", "md", lambda: "---\ntitle: " + "[" * 10_000 + "]" * 10_000 + "\n---\n\n" + PARAGRAPH),
    Case("deeply nested JSON-LD", "html", lambda: _nested_jsonld(5_000)),
    Case("JSON front matter, 10k deep", "md", lambda: "{" + '"a": {' * 10_000 + "}" * 10_001 + "\n\n" + PARAGRAPH),
    Case("mbox, 5k messages", "mbox", lambda: _mbox(5_000)),
    Case("e-mail, 50k header lines", "eml", lambda: _email_headers(50_000)),
    Case("1 MB base64 e-mail body", "eml",
         lambda: "From: a@example.org\nSubject: B64\nContent-Transfer-Encoding: base64\n\n" + ("QUJD" * 19 + "\n") * (MB // 77)),
    Case("1 MB quoted-printable =", "eml",
         lambda: "From: a@example.org\nSubject: QP\nContent-Transfer-Encoding: quoted-printable\n\n" + "=\n" * (MB // 2)),
    Case("reader output, 100k images", "txt",
         lambda: "Title: Pics\n\nURL Source: https://example.org/p\n\nMarkdown Content:\n"
         + "![Image 1: x](https://example.org/i.png)\n" * 25_000 + PARAGRAPH),
    Case("20 spaced images + junk, one line", "txt",
         lambda: "Title: Pics\n\nURL Source: https://example.org/p\n\nMarkdown Content:\n"
         + "![a](b)   " * 20 + "x\n\n" + PARAGRAPH),
    Case("1 MB of spaced images", "md", lambda: "---\ntitle: Pics\n---\n\n" + "![a](b)   " * (MB // 10)),
    Case("1 MB of [ brackets", "md", lambda: "# Title\n\n" + "[" * MB),
    Case("1 MB of [a]( links", "md", lambda: "# Title\n\n" + "[a](" * (MB // 4)),
    Case("1 MB of * and _", "md", lambda: "# Title\n\n" + "*_" * (MB // 2)),
    Case("100k # headings", "md", lambda: "# Heading\n" * 100_000),
    Case("1 MB of < characters", "txt", lambda: "<" * MB),
    Case("1 MB of &amp; entities", "txt", lambda: _head("&amp;" * (MB // 5))),
    Case("1 MB of = (soft breaks)", "txt", lambda: _head("=" * MB)),
    Case("1 MB of --- lines", "txt", lambda: "---\n" * (MB // 4)),
    Case("1 MB of combining marks", "txt", lambda: _head("e" + "\u0301" * (MB // 2))),
    Case("1 MB of spaces and tabs", "txt", lambda: _head(" \t" * (MB // 2) + "end")),
    Case("100k (Reuters) - datelines", "txt", lambda: _head("LONDON (Reuters) - \n" * 50_000)),
    Case("100k Label: value lines", "txt", lambda: "".join(f"Label{i}: value\n" for i in range(100_000))),
)


def _parse_text_seconds(text: str, name: str) -> tuple[float, int]:
    from newsclip import parse_text

    start = time.perf_counter()
    articles = parse_text(text, source=name)
    return time.perf_counter() - start, len(articles)


def _cli_seconds(path: str) -> tuple[float, int]:
    from click.testing import CliRunner

    from newsclip.cli import main

    runner = CliRunner()
    start = time.perf_counter()
    result = runner.invoke(main, ["parse", "-f", "json", path])
    elapsed = time.perf_counter() - start
    return elapsed, result.exit_code


def _measure(case: Case, mode: str, out: mp.connection.Connection) -> None:
    """In a child: build the input and time one path (``api`` or ``cli``), so no cache is shared."""
    try:
        text = case.make()
        size = len(text.encode("utf-8"))
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, f"input.{case.ext}")
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            if mode == "api":
                seconds, result = _parse_text_seconds(text, path)
            else:
                seconds, result = _cli_seconds(path)
        out.send(("ok", size, seconds, result))
    except BaseException as exc:  # report, never hide, a failure of the benchmark itself
        out.send(("error", 0, 0.0, f"{type(exc).__name__}: {exc}"))


def _timed_child(ctx: mp.context.BaseContext, case: Case, mode: str, timeout: float) -> tuple[str, int, float, object]:
    """Run :func:`_measure` in a forked child; ``("timeout", ...)`` if it is not done in ``timeout`` seconds."""
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_measure, args=(case, mode, send))
    child.start()
    if receive.poll(timeout):
        result = receive.recv()
    else:
        result = ("timeout", 0, timeout, None)
        child.kill()
    child.join()
    return result


def _warm_up() -> None:
    """Import every dialect's heavy modules once, so no case pays for an import."""
    from newsclip import parse_text

    samples = [
        ("a.txt", _head(PARAGRAPH)),
        ("a.html", "<html><head><title>T</title></head><body><p>" + PARAGRAPH + "</p></body></html>"),
        ("a.md", "---\ntitle: T\ndate: 2025-02-04\n---\n\n" + PARAGRAPH),
        ("a.eml", "From: a@example.org\nSubject: S\nDate: Tue, 4 Feb 2025 10:30:00 +0000\n\n" + PARAGRAPH),
        ("a.txt", _factiva(1)),
        ("a.txt", _nexis_articles(2)),
    ]
    for name, text in samples:
        parse_text(text, source=name)
    _cli_seconds(os.devnull)


def run(cases: list[Case], limit: float, timeout: float) -> int:
    """Time every case and print a Markdown table; 1 if any case is over ``limit`` or failed."""
    _warm_up()
    ctx = mp.get_context("fork")
    print("| case | size | parse_text | records | CLI parse -f json | exit | verdict |")
    print("|---|---:|---:|---:|---:|---:|---|")
    bad = 0
    for case in cases:
        api = _timed_child(ctx, case, "api", timeout)
        cli = _timed_child(ctx, case, "cli", timeout)
        statuses = {api[0], cli[0]}
        if statuses == {"ok"}:
            api_s, cli_s = api[2], cli[2]
            verdict = "ok" if max(api_s, cli_s) < limit else f"SLOW (> {limit:g} s)"
            row = f"| {case.name} | {_size(api[1])} | {api_s:.3f} s | {api[3]} | {cli_s:.3f} s | {cli[3]} | {verdict} |"
        elif "error" in statuses:
            verdict = "ERROR"
            detail = api[3] if api[0] == "error" else cli[3]
            row = f"| {case.name} | ? | ? | ? | ? | ? | ERROR {detail} |"
        else:
            verdict = f"TIMEOUT (> {timeout:g} s)"
            shown = [f"{r[2]:.3f} s" if r[0] == "ok" else f"> {timeout:g} s" for r in (api, cli)]
            row = f"| {case.name} | ? | {shown[0]} | ? | {shown[1]} | ? | {verdict} |"
        bad += verdict != "ok"
        print(row, flush=True)
    print(f"\n{len(cases) - bad} of {len(cases)} cases under {limit:g} s both ways.")
    return 1 if bad else 0


# ---------------------------------------------------------------------------
# Regex audit: every compiled pattern of the package against near-miss input


def package_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every ``re.Pattern`` held at module level in newsclip (alone, or in a tuple, list or dict)."""
    import importlib
    import pkgutil

    import newsclip

    found: list[tuple[str, re.Pattern[str]]] = []
    for info in pkgutil.walk_packages(newsclip.__path__, "newsclip."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            items = value.values() if isinstance(value, dict) else value if isinstance(value, (tuple, list)) else [value]
            for i, item in enumerate(items):
                if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                    suffix = f"[{i}]" if item is not value else ""
                    found.append((f"{info.name.removeprefix('newsclip.')}.{attr}{suffix}", item))
    return found


_CATEGORY_CHAR = {
    "CATEGORY_DIGIT": "1", "CATEGORY_NOT_DIGIT": "a", "CATEGORY_SPACE": " ", "CATEGORY_NOT_SPACE": "a",
    "CATEGORY_WORD": "a", "CATEGORY_NOT_WORD": " ", "CATEGORY_LINEBREAK": "\n", "CATEGORY_NOT_LINEBREAK": "a",
}
_CATEGORY_RE = {
    "CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W", "CATEGORY_LINEBREAK": r"\n", "CATEGORY_NOT_LINEBREAK": r"[^\n]",
}
_CANDIDATES = "aA1 .,-_/:;'\"()[]<>=&#@*+|\t\nxé"


def _in_set(char: str, items: list) -> bool:
    """Whether ``char`` is in a parsed character class (flags ignored)."""
    for op, av in items:
        name = str(op)
        if name == "LITERAL" and ord(char) == av:
            return True
        if name == "RANGE" and av[0] <= ord(char) <= av[1]:
            return True
        if name == "CATEGORY" and re.fullmatch(_CATEGORY_RE.get(str(av), r"\w"), char):
            return True
    return False


def _class_char(items: list) -> str:
    """A character that the parsed class matches."""
    if items and str(items[0][0]) == "NEGATE":
        rest = items[1:]
        return next((c for c in _CANDIDATES if not _in_set(c, rest)), "\x01")
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            return chr(av)
        if name == "RANGE":
            return chr(av[0])
        if name == "CATEGORY":
            return _CATEGORY_CHAR.get(str(av), "a")
    return "a"


def sample_match(parsed: object, rng: random.Random, reps: int) -> str:
    """A string shaped like a match of the parsed pattern (lookarounds and anchors ignored)."""
    out: list[str] = []
    for op, av in parsed:  # type: ignore[attr-defined]
        name = str(op)
        if name == "LITERAL":
            out.append(chr(av))
        elif name == "NOT_LITERAL":
            out.append("a" if av != ord("a") else "b")
        elif name == "ANY":
            out.append("a")
        elif name == "IN":
            out.append(_class_char(av))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = av
            count = max(low, min(high, reps))
            out.append("".join(sample_match(sub, rng, reps) for _ in range(count)))
        elif name == "SUBPATTERN":
            out.append(sample_match(av[-1], rng, reps))
        elif name == "ATOMIC_GROUP":
            out.append(sample_match(av, rng, reps))
        elif name == "BRANCH":
            out.append(sample_match(rng.choice(av[1]), rng, reps))
        elif name == "CATEGORY":
            out.append(_CATEGORY_CHAR.get(str(av), "a"))
    return "".join(out)


def attack_units(pattern: re.Pattern[str], rng: random.Random) -> set[str]:
    """Short strings which, repeated, make a backtracking engine work hard on ``pattern``."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_parse  # type: ignore[no-redef]

    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    units: set[str] = set()
    for reps in (1, 2, 3, 8):
        for _ in range(6):
            sample = sample_match(parsed, rng, reps)
            if not sample:
                continue
            units.update({sample, sample[:-1], sample[: len(sample) // 2], sample[0], sample + " ", sample + "\n"})
            if len(sample) > 2:
                units.update({sample[:-2], sample[1:], sample[0] + sample[1]})
    return {u for u in units if u}


#: A full scan slower than this per character is flagged: at this rate a 1 MB line takes a second.
_AUDIT_SECONDS_PER_CHAR = 1e-6


def _scan_seconds(pattern: re.Pattern[str], text: str) -> float:
    start = time.perf_counter()
    for _ in pattern.finditer(text):
        pass
    return time.perf_counter() - start


def _attack_texts(unit: str, length: int) -> tuple[str, str]:
    """``unit`` repeated to ``length``, and its first character followed by the rest repeated."""
    rest = unit[1:] or unit
    return (unit * (length // len(unit) + 1))[:length], (unit[0] + rest * (length // len(rest) + 1))[:length]


def _audit_one(pattern: re.Pattern[str], length: int) -> tuple[float, float, str]:
    """The worst attack on ``pattern``: seconds per character at ``length`` and at twice that, and its start.

    Every attack unit is tried at ``length``; only the slowest is timed again
    at double length, to tell a quadratic pattern from a merely slow one.
    """
    worst, worst_text = 0.0, ""
    for unit in sorted(attack_units(pattern, random.Random(1))):
        for text in _attack_texts(unit, length):
            seconds = _scan_seconds(pattern, text)
            if seconds > worst:
                worst, worst_text = seconds, text
    if worst / length >= _AUDIT_SECONDS_PER_CHAR:  # time it again: one slow run may be the machine
        worst = min(worst, _scan_seconds(pattern, worst_text))
    shown = worst_text[:24] + "…"  # the attack as scanned (a unit repeated, or its first character then the rest)
    if worst / length < _AUDIT_SECONDS_PER_CHAR:
        return worst / length, worst / length, shown
    double = worst_text[0] + (worst_text[1:] * 3)[: 2 * length - 1] if worst_text else ""
    return worst / length, _scan_seconds(pattern, double) / len(double), shown


def _audit_child(pattern: re.Pattern[str], length: int, out: mp.connection.Connection) -> None:
    try:
        out.send(("ok", *_audit_one(pattern, length)))
    except BaseException as exc:  # an audit bug must not hide the other patterns
        out.send(("error", 0.0, 0.0, f"{type(exc).__name__}: {exc}"))


def audit_regexes(length: int, timeout: float) -> int:
    """Print every pattern that scans slower than 1 µs per character (1 s per MB); 1 if any does.

    ``growth`` is the time per character at double length over that at
    ``length``: about 1 for a slow but linear pattern, about 2 for a
    quadratic one.
    """
    ctx = mp.get_context("fork")
    patterns = package_patterns()
    flagged = 0
    print(f"| pattern | µs/char at {length} | µs/char at {2 * length} | growth | attack starts |")
    print("|---|---:|---:|---:|---|")
    for name, pattern in patterns:
        receive, send = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_audit_child, args=(pattern, length, send))
        child.start()
        if receive.poll(timeout):
            status, single, double, unit = receive.recv()
        else:
            status, single, double, unit = "timeout", float("inf"), float("inf"), "?"
            child.kill()
        child.join()
        if status != "ok" or single >= _AUDIT_SECONDS_PER_CHAR:
            flagged += 1
            growth = double / single if status == "ok" and single > 0 else float("inf")
            print(f"| {name} | {single * 1e6:.2f} | {double * 1e6:.2f} | x{growth:.1f} | {unit[:40]!r} {status} |",
                  flush=True)
    print(f"\n{len(patterns)} patterns audited; {flagged} scan slower than 1 µs per character.")
    return 1 if flagged else 0


def _size(size: int) -> str:
    if size >= MB:
        return f"{size / MB:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: optional name filters, ``--limit`` and ``--timeout`` in seconds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("filters", nargs="*", help="run only cases whose name contains one of these")
    parser.add_argument("--limit", type=float, default=1.0, help="seconds allowed per case (default 1)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a case is abandoned")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument("--regexes", action="store_true",
                        help="instead, audit every compiled regex of the package for super-linear time")
    parser.add_argument("--regex-length", type=int, default=5_000, help="attack string length for --regexes")
    args = parser.parse_args(argv)
    if args.regexes:
        return audit_regexes(args.regex_length, args.timeout)
    cases = [c for c in CASES if not args.filters or any(f.lower() in c.name.lower() for f in args.filters)]
    if args.list:
        for case in cases:
            print(case.name)
        return 0
    return run(cases, args.limit, args.timeout)


if __name__ == "__main__":
    raise SystemExit(main())
