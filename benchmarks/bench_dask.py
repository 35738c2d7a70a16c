"""Measure files/s of the Dask engine on a local cluster against ``newsclip convert --jobs N``, same folder.

Three runs over one generated folder of invented articles (``make_corpus.py``):

* ``convert --jobs N``: the local process pool, a real ``python -m newsclip
  convert`` process, start to end;
* ``dask, whole run``: the Dask engine as ``convert --engine dask`` runs it
  (start a local cluster of N worker processes, convert, stop it), in its
  own process, start to end;
* ``dask, warm cluster``: the conversion alone on a cluster that is already
  up, which is what each run costs when a cluster is shared or long-lived.

The kinds take turns, round after round, and the best time of each is kept,
so a busy spell on a shared machine does not favour one of them.

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
        results = compare(corpus, work / f"out.{args.format}", args.workers, args.repeat, count)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(results, count))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def compare(corpus: Path, out: Path, workers: int, repeat: int, count: int) -> list[dict[str, object]]:
    """Run the three kinds in interleaved rounds (so a busy spell on the machine hits all alike); keep each best."""
    from distributed import Client, LocalCluster

    from newsclip.distributed import convert

    local_out = out if _local_engine_writes(out.suffix[1:]) else out.with_suffix(".jsonl")
    names = (f"convert --jobs {workers} ({local_out.suffix[1:]})", f"dask, whole run ({workers} workers)",
             f"dask, warm cluster ({workers} workers)")
    times: dict[str, list[float]] = {name: [] for name in names}
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        first = next(p for p in sorted(corpus.rglob("*")) if p.is_file())
        convert(str(first), str(out), client=client)  # imports the parser on every worker
        for _ in range(max(1, repeat)):
            times[names[0]].append(local_run(corpus, local_out, workers))
            times[names[1]].append(subprocess_dask_run(corpus, out, workers))
            started = time.perf_counter()
            convert(str(corpus), str(out), client=client)
            times[names[2]].append(time.perf_counter() - started)
    return [{"run": name, "files": count, "seconds": round(min(runs), 2), "files_per_s": round(count / min(runs), 1),
             "all_seconds": [round(t, 2) for t in runs]} for name, runs in times.items()]


def _local_engine_writes(fmt: str) -> bool:
    """Whether ``convert --jobs N`` (the local engine) writes ``fmt``; if not, it is measured writing JSON Lines."""
    from newsclip.batch.formats import BATCH_FORMATS

    return fmt in BATCH_FORMATS


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


def table(results: list[dict[str, object]], count: int) -> str:
    lines = [f"{count:,} files, {os.cpu_count()} CPUs; best of each kind (all runs in seconds)",
             f"{'run':<32} {'seconds':>8} {'files/s':>9}  all"]
    for row in results:
        lines.append(f"{row['run']:<32} {row['seconds']:>8} {row['files_per_s']:>9}  {row['all_seconds']}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
