"""Measure files/s of the Dask engine on a local cluster against ``newsclip convert --jobs N``, same folder.

Three runs over one generated folder of invented articles (``make_corpus.py``):

* ``convert --jobs N``: the local process pool, a real ``python -m newsclip
  convert`` process, start to end;
* ``dask, whole run``: the Dask engine as ``convert --engine dask`` runs it
  (start a local cluster of N worker processes, convert, stop it), in its
  own process, start to end;
* ``dask, warm cluster``: the conversion alone on a cluster that is already
  up, which is what each run costs when a cluster is shared or long-lived.

    python benchmarks/bench_dask.py --files 5000
    python benchmarks/bench_dask.py --files 20000 --workers 2 --format parquet --json dask.json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000, help="corpus size (default 5000)")
    parser.add_argument("--workers", type=int, default=2, help="--jobs and Dask worker processes (default 2)")
    parser.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl", help="output format")
    parser.add_argument("--corpus", help="corpus folder to use or create (default: a temporary folder)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each kind; the fastest is kept")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    parser.add_argument("--dask-run", nargs=3, metavar=("CORPUS", "OUT", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dask_run:
        return dask_whole_run(*args.dask_run)
    work = Path(tempfile.mkdtemp(prefix="newsclip-bench-dask-"))
    try:
        corpus = Path(args.corpus) if args.corpus else work / "corpus"
        count = ensure_corpus(corpus, args.files)
        out = work / f"out.{args.format}"
        results = [
            best(args.repeat, lambda: local_run(corpus, out, args.workers), f"convert --jobs {args.workers}", count),
            best(args.repeat, lambda: subprocess_dask_run(corpus, out, args.workers),
                 f"dask, whole run ({args.workers} workers)", count),
            warm_cluster(corpus, out, args.workers, args.repeat, count),
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(results, count))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def ensure_corpus(folder: Path, files: int) -> int:
    """Make the corpus (with a few bad files) unless one is there; return how many inputs it has."""
    if not folder.exists():
        make_corpus(str(folder), files, bad=max(1, files // 1000))
    return sum(len(names) for _root, _dirs, names in os.walk(folder))


def local_run(corpus: Path, out: Path, workers: int) -> float:
    command = [sys.executable, "-m", "newsclip", "convert", str(corpus), "-o", str(out), "-j", str(workers), "-q"]
    return timed(command)


def subprocess_dask_run(corpus: Path, out: Path, workers: int) -> float:
    return timed([sys.executable, __file__, "--dask-run", str(corpus), str(out), str(workers)])


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: some inputs failed, as the corpus intends
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def dask_whole_run(corpus: str, out: str, workers: str) -> int:
    """What ``convert --engine dask -j WORKERS -q`` does: local cluster up, convert, cluster down."""
    from newsclip.batch import BatchOptions
    from newsclip.cli.dask_engine import run_dask_convert

    class Quiet:
        def started(self, total: int) -> None: ...
        def advanced(self, outcome: object) -> None: ...
        def failed(self, outcome: object) -> None: ...

    options = BatchOptions(inputs=(corpus,), output=out, jobs=int(workers))
    return int(run_dask_convert(options, quiet=True, reporter=Quiet()))


def warm_cluster(corpus: Path, out: Path, workers: int, repeat: int, count: int) -> dict[str, object]:
    """The conversion alone, on a local cluster started beforehand (and warmed by one small run)."""
    from distributed import Client, LocalCluster

    from newsclip.distributed import convert

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        first = next(p for p in sorted(corpus.rglob("*")) if p.is_file())
        convert(str(first), str(out), client=client)  # imports the parser on every worker
        return best(repeat, lambda: _timed_convert(convert, corpus, out, client),
                    f"dask, warm cluster ({workers} workers)", count)


def _timed_convert(convert: object, corpus: Path, out: Path, client: object) -> float:
    started = time.perf_counter()
    convert(str(corpus), str(out), client=client)  # type: ignore[operator]
    return time.perf_counter() - started


def best(repeat: int, run: object, name: str, count: int) -> dict[str, object]:
    seconds = min(run() for _ in range(max(1, repeat)))  # type: ignore[operator]
    return {"run": name, "files": count, "seconds": round(seconds, 2), "files_per_s": round(count / seconds, 1)}


def table(results: list[dict[str, object]], count: int) -> str:
    lines = [f"{count:,} files, {os.cpu_count()} CPUs", f"{'run':<32} {'seconds':>8} {'files/s':>9}"]
    for row in results:
        lines.append(f"{row['run']:<32} {row['seconds']:>8} {row['files_per_s']:>9}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
