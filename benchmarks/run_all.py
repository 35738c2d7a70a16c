"""Run the whole benchmark suite and print one table of the numbers that matter, each beside its target.

The parts (each also a script of its own, with a fuller table):

* cold start -- ``bench_cold_start.py``: one ``newsclip`` process against ``python -c "import json"``;
* throughput -- ``bench_throughput.py``: ``parse_text`` per dialect and input size, in process;
* HTML peers -- ``bench_html_peers.py``: newsclip, trafilatura, newspaper4k, goose3 on the same pages;
* batch -- ``bench_batch.py``'s corpus and runs: ``newsclip convert`` with ``--jobs 1`` and ``--jobs 2``.

The machine is often shared, so next to every wall-clock ratio stands one from
CPU time, and the load average is recorded with each part. For the batch, the
CPU time of the main process and of the workers gives the speed-up two idle
cores would give (``CPU of --jobs 1 / max(main, workers / 2)``).

    python benchmarks/run_all.py
    python benchmarks/run_all.py --quick --json results.json
    python benchmarks/run_all.py --skip peers,batch --accuracy
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_cold_start  # noqa: E402
import bench_html_peers  # noqa: E402
import bench_throughput  # noqa: E402
from bench_batch import ensure_corpus  # noqa: E402
from report import header  # noqa: E402

PARTS: tuple[str, ...] = ("cold", "throughput", "peers", "batch")

#: Targets: plain text at least this many times trafilatura's HTML pages/s; --jobs 2 this much faster.
TARGET_PLAIN_X_TRAFILATURA = 100.0
TARGET_JOBS_SPEEDUP = 1.7

#: The accuracy command scored before and after any change to the HTML dialect.
ACCURACY_CMD = "python -m newsclip parse -f jsonl {files}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, fewer pages, a smaller batch corpus")
    parser.add_argument("--skip", default="", help=f"comma-separated parts to leave out ({','.join(PARTS)})")
    parser.add_argument("--pages", action="append", metavar="DIR", help="HTML pages for the peers part")
    parser.add_argument("--files", type=int, help="batch corpus size (default 4000; 1000 with --quick)")
    parser.add_argument("--accuracy", action="store_true",
                        help="also score the HTML pages with ../shared/eval/score.py (slow)")
    parser.add_argument("--eval-dir", default=str(HERE.parent.parent / "shared" / "eval"),
                        help="folder of score.py (default ../shared/eval)")
    parser.add_argument("--json", metavar="FILE", help="also write every result as JSON to FILE")
    args = parser.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    results: dict[str, Any] = {"machine": machine()}
    if "cold" not in skip:
        _progress("cold start")
        results["cold"] = bench_cold_start.run(repeat=10 if args.quick else bench_cold_start.ROUNDS)
        _progress(bench_cold_start.table(results["cold"]))
    if "throughput" not in skip:
        _progress("throughput")
        results["throughput"] = bench_throughput.run(seconds=0.3 if args.quick else 1.0)
        _progress(bench_throughput.table(results["throughput"]))
    if "peers" not in skip:
        _progress("HTML peers")
        paths = bench_html_peers.find_pages(args.pages or [bench_html_peers.DEFAULT_PAGES],
                                            100 if args.quick else 0)
        if paths:
            results["peers"] = bench_html_peers.run(paths)
            _progress(bench_html_peers.table(results["peers"]))
        else:
            _progress("no HTML pages found (run ../shared/eval/prepare.sh or pass --pages): peers skipped")
    if "batch" not in skip:
        _progress("batch")
        results["batch"] = batch(args.files or (1000 if args.quick else 4000))
    if args.accuracy:
        _progress("accuracy")
        results["accuracy"] = accuracy(Path(args.eval_dir))
    print(summary(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def _progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    return {"cpu": model, "cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": platform.platform()}


# --------------------------------------------------------------------------- batch

#: Runs ``newsclip ARGS...`` in this process and, at exit (after the worker pool is joined), writes its wall
#: time, its own CPU time and its workers' as JSON.
_MEASURE = """
import atexit, json, os, resource, sys, time
started = time.perf_counter()

def report():
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(os.environ["NEWSCLIP_BENCH_REPORT"], "w") as out:
        json.dump({"seconds": time.perf_counter() - started, "main_cpu": me.ru_utime + me.ru_stime,
                   "workers_cpu": kids.ru_utime + kids.ru_stime, "main_rss_kb": me.ru_maxrss,
                   "worker_rss_kb": kids.ru_maxrss}, out)

atexit.register(report)
sys.argv = ["newsclip", *sys.argv[1:]]
from newsclip.cli import main
main()
"""


#: Starts a command from a small fresh process: Linux carries a process's peak RSS over ``fork``, so a
#: command started straight from this (large) process would report this one's memory as its own.
_LAUNCH = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"


def batch(files: int, jobs: tuple[int, ...] = (1, 2), repeat: int = 3) -> dict[str, Any]:
    """``newsclip convert`` on a generated corpus with each job count: wall and CPU time, main vs workers.

    The runs are interleaved (1, 2, 1, 2...), so a slow phase of the machine hits each job count
    alike, and the fastest run of each is kept.
    """
    work = Path(tempfile.mkdtemp(prefix="newsclip-runall-"))
    try:
        corpus = work / "corpus"
        ensure_corpus(corpus, files)
        rounds = [{j: _convert(corpus, work, j) for j in jobs} for _ in range(repeat)]
        runs = {j: min((r[j] for r in rounds), key=lambda r: r["seconds"]) for j in jobs}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    one, two = runs.get(1), runs.get(2)
    result: dict[str, Any] = {**header("batch"), "files": files, "runs": runs}
    if one and two:
        cpu_one = one["main_cpu"] + one["workers_cpu"]
        critical = max(two["main_cpu"], two["workers_cpu"] / 2)
        result["speedup_wall"] = round(one["seconds"] / two["seconds"], 2)
        result["speedup_cpu_bound"] = round(cpu_one / critical, 2) if critical else None
        result["cpu_overhead_jobs2"] = round((two["main_cpu"] + two["workers_cpu"]) / cpu_one, 2) if cpu_one else None
    for j, run in runs.items():
        _progress(f"  --jobs {j}: {run['seconds']:.2f} s wall, main CPU {run['main_cpu']:.2f} s, "
                  f"workers CPU {run['workers_cpu']:.2f} s, {files / run['seconds']:,.0f} files/s")
    return result


def _convert(corpus: Path, work: Path, jobs: int) -> dict[str, Any]:
    report = work / f"report-{jobs}.json"
    output = work / f"out-{jobs}.jsonl"
    env = dict(os.environ, NEWSCLIP_BENCH_REPORT=str(report))
    command = [sys.executable, "-c", _LAUNCH, sys.executable, "-c", _MEASURE,
               "convert", str(corpus), "-o", str(output), "-j", str(jobs), "-q"]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    run = json.loads(report.read_text())
    output.unlink(missing_ok=True)
    run["files_per_second"] = round(int(corpus.joinpath(".corpus-size").read_text()) / run["seconds"], 1)
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in run.items()}


# --------------------------------------------------------------------------- accuracy


def accuracy(eval_dir: Path) -> dict[str, Any]:
    """The scorer's SUMMARY line for the HTML renderings of the three development sets."""
    script = eval_dir / "score.py"
    if not script.exists():
        return {"skipped": f"{script} not found"}
    command = [sys.executable, str(script), "--cmd", ACCURACY_CMD, "--batch", "100",
               "--sets", "aeb,bbaw,mediacloud", "--renderings", "html"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("SUMMARY")), "")
    fields = dict(part.split("=", 1) for part in line.split()[1:] if "=" in part)
    return {"command": " ".join(command), "summary": line, "fields": fields}


# --------------------------------------------------------------------------- summary


def _yes(flag: bool | None) -> str:
    return "-" if flag is None else ("yes" if flag else "**no**")


def summary(results: dict[str, Any]) -> str:
    """One Markdown table: each headline number beside its target."""
    rows: list[tuple[str, str, str, str, str]] = []
    cold = results.get("cold")
    if cold:
        floor = cold["rows"][0]
        parse = next(r for r in cold["rows"] if "parse" in r["command"])
        version = next((r for r in cold["rows"] if "--version" in r["command"]), None)
        rows.append(("cold start", f"`{parse['command']}` ÷ floor ({floor['wall_ms']:.0f} ms)",
                     f"{parse['wall_ratio']:.2f}× wall ({parse['wall_ms']:.0f} ms), {parse['cpu_ratio']:.2f}× CPU",
                     f"≤ {bench_cold_start.TARGET_RATIO:g}×", _yes(cold["target_met"])))
        if version:
            rows.append(("cold start", f"`{version['command']}` ÷ floor",
                         f"{version['wall_ratio']:.2f}× wall, {version['cpu_ratio']:.2f}× CPU", "", ""))
        heavy = cold["heavy_modules_imported"]
        rows.append(("cold start", "heavy modules imported by a plain-text parse", ", ".join(heavy) or "none",
                     "none", _yes(not heavy)))
    trafilatura = None
    peers = results.get("peers")
    if peers:
        rates = {r["tool"]: r for r in peers["rows"]}
        trafilatura = rates.get("trafilatura", {}).get("pages_per_cpu_second")
        ours = rates.get("newsclip")
        if ours:
            rows.append(("HTML peers", f"newsclip pages/s ÷ trafilatura ({peers['pages']} pages, CPU)",
                         f"{ours['x_trafilatura']}× ({ours['pages_per_cpu_second']} vs {trafilatura})"
                         if ours["x_trafilatura"] else f"{ours['pages_per_cpu_second']} pages/s",
                         f"≥ {bench_html_peers.TARGET_RATIO:g}×", _yes(peers["target_met"])))
        for name in ("newspaper4k", "goose3"):
            if name in rates and rates[name]["x_trafilatura"]:
                rows.append(("HTML peers", f"{name} pages/s ÷ trafilatura", f"{rates[name]['x_trafilatura']}×",
                             "", ""))
        if peers.get("plain_x_trafilatura") is not None:
            rows.append(("HTML peers", "plain articles/s ÷ trafilatura pages/s, interleaved in one loop",
                         f"{peers['plain_x_trafilatura']:g}× ({peers['plain_articles_per_cpu_second']:,.0f} "
                         "articles/s)", f"≥ {TARGET_PLAIN_X_TRAFILATURA:g}×", _yes(peers["plain_target_met"])))
        for name, note in peers["skipped"].items():
            rows.append(("HTML peers", name, f"skipped: {note}", "", ""))
    throughput = results.get("throughput")
    if throughput:
        plain = throughput["plain_typical_articles_per_second"]
        rows.append(("throughput", "plain text, typical article, articles per CPU s", f"{plain:,.0f}",
                     f"≥ {bench_throughput.TARGET_PLAIN_TYPICAL:,}", _yes(throughput["target_met"])))
        if plain and trafilatura:
            ratio = plain / trafilatura
            rows.append(("throughput", "plain articles/s ÷ trafilatura HTML pages/s, from two parts", f"{ratio:.0f}×",
                         f"≥ {TARGET_PLAIN_X_TRAFILATURA:g}×", _yes(ratio >= TARGET_PLAIN_X_TRAFILATURA)))
        html = next((r for r in throughput["rows"] if r["dialect"] == "html" and r["size"] == "typical"), None)
        if html:
            rows.append(("throughput", f"generated HTML page ({html['avg_input_kb']:.0f} KB), pages per CPU s",
                         f"{html['inputs_per_second']:,.0f}", "", ""))
    batch_result = results.get("batch")
    if batch_result and "speedup_wall" in batch_result:
        rows.append(("batch", f"`convert --jobs 2` ÷ `--jobs 1`, wall ({batch_result['files']:,} files)",
                     f"{batch_result['speedup_wall']}×", f"≥ {TARGET_JOBS_SPEEDUP:g}×",
                     _yes(batch_result["speedup_wall"] >= TARGET_JOBS_SPEEDUP)))
        rows.append(("batch", "same, from CPU time (two idle cores)", f"{batch_result['speedup_cpu_bound']}×",
                     f"≥ {TARGET_JOBS_SPEEDUP:g}×",
                     _yes((batch_result["speedup_cpu_bound"] or 0) >= TARGET_JOBS_SPEEDUP)))
        for jobs, run in batch_result["runs"].items():
            memory = f"{run['main_rss_kb'] / 1024:.0f} MB / {run['worker_rss_kb'] / 1024:.0f} MB"
            rows.append(("batch", f"`--jobs {jobs}` files/s, peak RSS main / worker",
                         f"{run['files_per_second']:,.0f}, {memory}", "", ""))
    acc = results.get("accuracy")
    if acc:
        rows.append(("accuracy", "score.py, HTML, aeb + bbaw + mediacloud", acc.get("summary") or acc.get("skipped", ""),
                     "not lower", ""))
    lines = ["| part | measurement | result | target | met |", "| --- | --- | --- | --- | --- |"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    loads = {k: v.get("load_average") for k, v in results.items() if isinstance(v, dict) and "load_average" in v}
    lines.append("")
    m = results["machine"]
    lines.append(f"{m['cpu']} × {m['cpus']}, Python {m['python']}; load average per part: "
                 + ", ".join(f"{k} {v}" for k, v in loads.items()) + f"; {time.strftime('%Y-%m-%d %H:%M')}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
