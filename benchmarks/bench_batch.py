"""Measure ``newsclip convert``: files per second with ``--jobs 1`` and ``--jobs 2``, and peak memory.

Each run is a real ``python -m newsclip convert CORPUS -o OUT.jsonl -j N -q``
process, started from a small measuring process of its own so that
``getrusage(RUSAGE_CHILDREN)`` gives that run's figures alone: its CPU time
and the peak RSS of its largest process. While it runs, ``/proc`` is polled
to find the peak of the whole process tree's RSS (main process + workers).

    python benchmarks/bench_batch.py --files 10000
    python benchmarks/bench_batch.py --files 100000 --json results-100k.json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus  # noqa: E402

#: Seconds between two looks at the process tree's memory.
POLL_SECONDS = 0.05


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="job counts to compare (default 1 2)")
    parser.add_argument("--corpus", help="corpus folder to use or create (default: a temporary folder)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per job count, interleaved (1, 2, 1, 2...); the fastest of each is kept")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    parser.add_argument("--measure", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure is not None:
        print(json.dumps(measure(args.measure)))
        return 0
    work = Path(tempfile.mkdtemp(prefix="newsclip-bench-"))
    try:
        corpus = Path(args.corpus) if args.corpus else work / "corpus"
        count = ensure_corpus(corpus, args.files)
        results = best_of(corpus, count, args.jobs, work, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def ensure_corpus(folder: Path, files: int) -> int:
    """Make the corpus unless a complete one of this size is already there; return its file count."""
    marker = folder / ".corpus-size"
    if marker.exists() and marker.read_text().strip() == str(files):
        return files
    if folder.exists():
        shutil.rmtree(folder)
    started = time.monotonic()
    make_corpus(str(folder), files)
    marker.write_text(f"{files}\n")
    print(f"made {files:,} files in {time.monotonic() - started:.1f} s under {folder}", file=sys.stderr)
    return files


def best_of(corpus: Path, files: int, job_counts: list[int], work: Path, repeat: int) -> list[dict[str, object]]:
    """Run the conversion ``repeat`` times with each job count, interleaved; the fastest run of each.

    Interleaving (1, 2, 1, 2...) lets a slow phase of a shared machine hit every job count alike.
    """
    runs: dict[int, list[dict[str, object]]] = {jobs: [] for jobs in job_counts}
    for _ in range(max(1, repeat)):
        for jobs in job_counts:
            runs[jobs].append(_run_once(corpus, files, jobs, work))
    return [min(runs[jobs], key=lambda r: r["seconds"]) for jobs in job_counts]  # type: ignore[arg-type,return-value]


def _run_once(corpus: Path, files: int, jobs: int, work: Path) -> dict[str, object]:
    """One measured ``convert`` run with ``jobs`` workers."""
    output = work / f"out-{jobs}.jsonl"
    command = [sys.executable, "-m", "newsclip", "convert", str(corpus), "-o", str(output), "-j", str(jobs), "-q"]
    completed = subprocess.run([sys.executable, __file__, "--measure", *command], capture_output=True,
                               text=True, check=True)
    run = json.loads(completed.stdout)
    run.update(files=files, jobs=jobs, files_per_second=files / run["seconds"], output_bytes=output.stat().st_size)
    output.unlink()
    print(f"  jobs {jobs}: {run['seconds']:.1f} s", file=sys.stderr)
    return run  # type: ignore[no-any-return]


def measure(command: list[str]) -> dict[str, object]:
    """Run ``command``; its wall time, CPU time, exit code and peak memory (KB)."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    tree_peak = 0
    while process.poll() is None:
        tree_peak = max(tree_peak, tree_rss_kb(process.pid))
        time.sleep(POLL_SECONDS)
    seconds = time.monotonic() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "command": " ".join(command),
        "exit_code": process.returncode,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_largest_process_kb": usage.ru_maxrss,
        "peak_rss_tree_kb": tree_peak,
    }


def tree_rss_kb(root: int) -> int:
    """Current resident memory of ``root`` and all its descendants, in KB (Linux /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
    members = {root}
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if parent in members and pid not in members:
                members.add(pid)
                changed = True
    return sum(rss.get(pid, 0) for pid in members)


def table(results: list[dict[str, object]]) -> str:
    """The results as a Markdown table (ready for the README)."""
    base = next((r["seconds"] for r in results if r["jobs"] == 1), None)
    lines = [
        "| files | --jobs | seconds | files/s | speed-up | CPU s | peak RSS, all processes "
        "| peak RSS, largest process |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        speedup = f"{base / r['seconds']:.2f}×" if base else "-"  # type: ignore[operator]
        lines.append(
            f"| {r['files']:,} | {r['jobs']} | {r['seconds']:.1f} | {r['files_per_second']:,.0f} | {speedup} | "
            f"{r['cpu_seconds']:.1f} | {int(r['peak_rss_tree_kb']) / 1024:.0f} MB | "  # type: ignore[call-overload]
            f"{int(r['peak_rss_largest_process_kb']) / 1024:.0f} MB |"  # type: ignore[call-overload]
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
