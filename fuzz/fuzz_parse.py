"""Long-running fuzzer for the parser: hostile text, bytes and mangled fixtures for N minutes.

Every input that makes ``parse_text``/``parse_bytes`` raise something other
than a clean :class:`newsclip.NewsclipError` (or produce a record that does
not serialise to JSON and CSV, or hang) is written to
``tests/fixtures/regressions/`` so the test suite replays it forever.

Usage::

    python fuzz/fuzz_parse.py --minutes 10
    python fuzz/fuzz_parse.py --minutes 1 --seed 7 --out /tmp/crashes

It is built on hypothesis (random generation plus shrinking of each failure
to a small input). A supervisor process restarts a worker whenever one hangs
on an input, after the worker has saved that input as ``hang-XXXX``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.mutations import mutate  # noqa: E402 - the byte damage the hostile-input tests apply too

FIXTURES = ROOT / "tests" / "fixtures"
DEFAULT_OUT = FIXTURES / "regressions"
#: A single parse slower than this counts as a hang.
HANG_SECONDS = 10.0
#: A single parse slower than this is saved as ``slow-XXXX`` (it should take well under a second).
SLOW_SECONDS = 2.0
#: Examples per hypothesis round; rounds repeat until the time is up.
ROUND_EXAMPLES = 300
HANG_EXIT = 3

#: Fragments that steer random text towards the shapes the dialects look for.
PIECES: tuple[str, ...] = (
    "By ", "BY ", "Title: ", "URL: ", "Source: ", "Date: ", "Published: ", "Updated: ", "Author: ",
    "\n", "\n\n", "\n\n\n", "---\n", "+++\n", "# ", "## ", "> ", "* ", "<b>", "</b>", "<p>", "</p>",
    "<div>", "</div>", "<html><head><title>", "</title></head><body>", "<script>", "</script>",
    "<meta property=\"og:title\" content=\"", "\">", "<!DOCTYPE html>", "<![CDATA[", "]]>", "<!--", "-->",
    "&amp;", "&#x0;", "&#99999999;", "&nbsp;", "https://example.org/a b", "http://", "www.", "=\n", "=C3=A9",
    "March 3, 2025", "3 March 2025", "2025-02-04T10:30:00+02:00", "04/05/2025", "12:30 GMT", "2 hours ago",
    "Monday", "(Reuters) - ", "WASHINGTON (AP) — ", " / AFP", "Related article: ", "Advertisement",
    "\u00a0", "\u200b", "\ufeff", "\u2028", "\r", "\r\n", "\t", "\x00", "Photo: ", "[+1234 chars]",
    "{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\", \"headline\": \"", "\"}", "[", "]", "{", "}",
    "<script type=\"application/ld+json\">", "From: a@b.c\n", "Subject: x\n", "Date: Tue, 4 Feb 2025 10:30:00 +0000\n",
    "Content-Type: multipart/mixed; boundary=\"b\"\n", "--b\n", "--b--\n", "Content-Transfer-Encoding: base64\n",
    "MIME-Version: 1.0\n", "From - Tue Feb  4 10:30:00 2025\n", "1 of 2 DOCUMENTS", "Document ", "End of Document",
    "LENGTH: 300 words", "BYLINE: ", "SECTION: ", "LOAD-DATE: ", "HD\t", "BY\t", "PD\t", "SN\t", "TD\t", "LP\t",
    "Markdown Content:\n", "URL Source: ", "Published Time: ", "title: ", "date: ", "author: ", "tags: [",
    "!!python/object:os.system", "&a [", "*a", "'", "\"", "—", "…", "é", "ß", "日本", "\U0001f600", "\\",
    "\\ud83d", "\\udcff", "\\u0000", "\\n", "\ud800", "\udcff", "=cmd|' /C calc'!A0", "@SUM(1)", "+1", "-1",
)


@dataclass(frozen=True)
class Case:
    """One fuzz input: bytes or text, with the source name it is parsed under."""

    data: bytes | str
    source: str

    @property
    def ext(self) -> str:
        return Path(self.source).suffix.lstrip(".") or "txt"

    def as_bytes(self) -> bytes:
        return self.data if isinstance(self.data, bytes) else self.data.encode("utf-8", "surrogatepass")


class Failure(Exception):
    """A fuzz input that broke the parser; ``signature`` says where, for de-duplication."""

    def __init__(self, signature: str, detail: str) -> None:
        super().__init__(detail)
        self.signature = signature


def fixture_files() -> list[Path]:
    """Every input fixture (not the expected-output JSON, not earlier regressions)."""
    files = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file() and path.suffix != ".json" and "regressions" not in path.parts:
            files.append(path)
    return files


def check(case: Case) -> None:
    """Parse ``case`` and raise :class:`Failure` if anything other than a clean refusal happens.

    Besides exceptions, a record saying a dialect parser failed is a finding (the
    library recovers, but the dialect has a bug), and every eighth input is parsed
    twice to check the output does not change.
    """
    from newsclip import parse_bytes, parse_text
    from newsclip.errors import NewsclipError
    from newsclip.output import csv_row, record_dict

    try:
        if isinstance(case.data, bytes):
            try:
                articles = parse_bytes(case.data, source=case.source)
            except NewsclipError:
                return
        else:
            articles = parse_text(case.data, source=case.source)
        records = []
        for article in articles:
            records.append(json.dumps(record_dict(article, explain=True), ensure_ascii=False))
            records[-1].encode("utf-8")  # what a UTF-8 output file would do with it
            row = io.StringIO()
            csv.writer(row).writerow(csv_row(record_dict(article)))
            row.getvalue().encode("utf-8")
            _check_invariants(article)
    except Exception as exc:  # the point of the fuzzer: anything escaping is a finding
        raise Failure(_signature(exc), traceback.format_exc()) from exc
    if any(FAILED_MARK in w for a in articles for w in a.warnings):
        _replay_dialect(case)
    if hashlib.sha1(case.as_bytes()).digest()[0] % 8 == 0:
        again = parse_text(case.data, source=case.source) if isinstance(case.data, str) else (
            parse_bytes(case.data, source=case.source))
        if [json.dumps(record_dict(a, explain=True), ensure_ascii=False) for a in again] != records:
            raise Failure("nondeterministic", "two parses of the same input gave different records")


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?")


def _check_invariants(article: object) -> None:
    """What every record keeps whatever the input: counted words, ISO dates, web URLs, one-line fields."""
    body = getattr(article, "body")
    if getattr(article, "word_count") != (len(body.split()) if body else 0):
        raise AssertionError("word_count does not count the body's words")
    for name in ("date", "updated"):
        value = getattr(article, name)
        if value is not None and not _ISO_DATE.fullmatch(value):
            raise AssertionError(f"{name} {value!r} is not ISO 8601")
    url = getattr(article, "url")
    if url is not None and not url.startswith(("http://", "https://")):
        raise AssertionError(f"url {url[:80]!r} is not a web address")
    for name in ("headline", "byline"):
        value = getattr(article, name)
        if value is not None and (not value or value != value.strip() or "\n" in value):
            raise AssertionError(f"{name} {value[:80]!r} is empty, padded or on several lines")


#: The warning the library adds when a dialect parser raised and it recovered.
FAILED_MARK = "parser failed on this input"


def _replay_dialect(case: Case) -> None:
    """Run the failing dialect directly, so its exception (and where it came from) is reported."""
    from newsclip import api, dialects
    from newsclip.dialects.base import Context
    from newsclip.reading import decode, normalise_text

    text = decode(case.data) if isinstance(case.data, bytes) else normalise_text(case.data)
    module = dialects.detect(text, case.source)
    try:
        api._run(module, text, Context(source=case.source))
        api._run(dialects.get(dialects.FALLBACK), text, Context(source=case.source))
    except (Exception, RecursionError) as exc:
        raise Failure("dialect:" + _signature(exc), traceback.format_exc()) from exc
    raise Failure("dialect:unreproduced", "a dialect failed once but not when run again")


def _signature(exc: BaseException) -> str:
    """Exception type plus the innermost newsclip frame: the same bug found twice is saved once."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "newsclip" in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    return f"{type(exc).__name__}@{where}"


# ---------------------------------------------------------------------------
# hypothesis strategies and one round of generation


def strategies() -> list[tuple[str, object]]:
    """(name, strategy of Case) for every kind of input the fuzzer makes."""
    from hypothesis import strategies as st

    sources = st.sampled_from(["fuzz.txt", "fuzz.html", "fuzz.md", "fuzz.eml", "fuzz.mbox", "fuzz", "-"])
    text = st.text(st.characters(blacklist_categories=()), max_size=4000)  # lone surrogates included
    pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=80).map("".join)
    files = fixture_files()
    ops = st.lists(st.tuples(*(st.integers(0, 2**16),) * 4), min_size=1, max_size=12)

    def from_fixture(index: int, muts: list[tuple[int, int, int, int]], as_text: bool) -> Case:
        path = files[index % len(files)]
        data = mutate(path.read_bytes(), muts, PIECES)
        if as_text:
            return Case(data.decode("utf-8", "replace"), path.name)
        return Case(data, path.name)

    return [
        ("text", st.builds(Case, text, sources)),
        ("pieces", st.builds(Case, pieces, sources)),
        ("bytes", st.builds(Case, st.binary(max_size=4000), sources)),
        ("piece-bytes", st.builds(Case, pieces.map(lambda s: s.encode("utf-8", "surrogatepass")), sources)),
        ("fixture", st.builds(from_fixture, st.integers(0, 10_000), ops, st.booleans())),
    ]


class Watchdog:
    """Notices a parse that runs past ``HANG_SECONDS``, saves its input and ends the worker."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.case: Case | None = None
        self.started = 0.0
        self._lock = threading.Lock()
        threading.Thread(target=self._watch, daemon=True).start()

    def begin(self, case: Case) -> None:
        with self._lock:
            self.case, self.started = case, time.monotonic()

    def end(self) -> float:
        with self._lock:
            elapsed = time.monotonic() - self.started
            self.case = None
        return elapsed

    def _watch(self) -> None:
        while True:
            time.sleep(0.5)
            with self._lock:
                case, started = self.case, self.started
            if case is not None and time.monotonic() - started > HANG_SECONDS:
                path = save(self.out, "hang", case)
                print(f"HANG  > {HANG_SECONDS:.0f}s  saved {path}", flush=True)
                os._exit(HANG_EXIT)


def save(out: Path, prefix: str, case: Case) -> Path:
    """Write ``case`` to ``out/PREFIX-HASH.EXT`` (idempotent) and return the path."""
    data = case.as_bytes()
    digest = hashlib.sha1(data + case.source.encode()).hexdigest()[:10]
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{prefix}-{digest}.{case.ext}"
    if not path.exists():
        path.write_bytes(data)
    return path


def run_round(name: str, strategy: object, seed: int, out: Path, seen: set[str], watchdog: Watchdog,
              stats: dict[str, int]) -> None:
    """One hypothesis run of ``ROUND_EXAMPLES`` inputs; a new failure is shrunk and saved."""
    from hypothesis import HealthCheck, Phase, given, seed as hseed, settings

    failing: list[tuple[Case, Failure]] = []

    @hseed(seed)
    @settings(max_examples=ROUND_EXAMPLES, deadline=None, database=None, derandomize=False,
              phases=[Phase.generate, Phase.shrink], suppress_health_check=list(HealthCheck),
              print_blob=False, report_multiple_bugs=False)
    @given(strategy)
    def target(case: Case) -> None:
        watchdog.begin(case)
        try:
            check(case)
        except Failure as failure:
            if failure.signature in seen:
                return  # already saved: let the round look for something new
            failing.append((case, failure))
            raise
        finally:
            elapsed = watchdog.end()
            stats["runs"] += 1
        if elapsed > SLOW_SECONDS:
            path = save(out, "slow", case)
            print(f"SLOW  {elapsed:.1f}s  [{name}] saved {path}", flush=True)

    try:
        target()
    except Failure:
        case, failure = failing[-1]  # the last failure hypothesis saw is the shrunk one
        seen.add(failure.signature)
        path = save(out, "crash", case)
        stats["crashes"] += 1
        last = str(failure).strip().splitlines()[-1]
        print(f"CRASH {failure.signature}  [{name}] saved {path}\n      {last}", flush=True)


def worker(deadline: float, seed: int, out: Path) -> int:
    """Run rounds over all strategies until the wall-clock ``deadline`` (a time.time() value)."""
    sys.path.insert(0, str(ROOT / "src"))
    rng = random.Random(seed)
    seen: set[str] = set()
    watchdog = Watchdog(out)
    stats = {"runs": 0, "crashes": 0}
    kinds = strategies()
    rounds = 0
    while time.time() < deadline:
        name, strategy = kinds[rounds % len(kinds)]
        try:
            run_round(name, strategy, rng.randrange(2**32), out, seen, watchdog, stats)
        except Exception:  # a bug of the fuzzer itself: say so, and go on with the next round
            print(f"FUZZER ERROR in round [{name}]:\n{traceback.format_exc()}", flush=True)
        rounds += 1
        if rounds % len(kinds) == 0:
            left = max(0.0, deadline - time.time())
            print(f"... {stats['runs']} inputs, {stats['crashes']} new crashes, {left / 60:.1f} min left", flush=True)
    print(f"done: {stats['runs']} inputs, {stats['crashes']} new crashes", flush=True)
    return 1 if stats["crashes"] else 0


def supervise(minutes: float, seed: int, out: Path) -> int:
    """Run workers until the time is up, starting a fresh one after each hang."""
    deadline = time.time() + minutes * 60
    status = 0
    attempt = 0
    while time.time() < deadline:
        cmd = [sys.executable, __file__, "--worker", "--deadline", str(deadline),
               "--seed", str(seed + attempt), "--out", str(out)]
        code = subprocess.call(cmd)
        attempt += 1
        if code == HANG_EXIT:
            status = 1
            continue
        return max(status, code)
    return status


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``--minutes N`` of fuzzing; exit 1 if anything was found."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to fuzz (default 10)")
    parser.add_argument("--seed", type=int, default=int(time.time()), help="random seed (default: the clock)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where failing inputs are written")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--deadline", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args.deadline, args.seed, args.out)
    print(f"fuzzing for {args.minutes:g} min, seed {args.seed}, failures to {args.out}", flush=True)
    return supervise(args.minutes, args.seed, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
