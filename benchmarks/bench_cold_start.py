"""Cold start: how long one ``newsclip`` process takes from exec to exit, against bare Python.

Every command is a fresh process, timed from start to exit (wall time) and by
the CPU time the kernel charged it (user + system, from ``wait4``). Commands
run interleaved -- one of each per round, in a rotating order -- so a burst of
load on a shared machine hits them all alike; the table gives medians and the
ratio of each to the floor, ``python -c "import json"``.

Bytecode is cached first (a warm-up run of each command with
``PYTHONDONTWRITEBYTECODE`` unset), as it is after ``pip install``; pass
``--no-bytecode`` to measure with source compiled on every start instead.

    python benchmarks/bench_cold_start.py
    python benchmarks/bench_cold_start.py --repeat 40 --json cold.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import invent, plain_stack  # noqa: E402
from report import header  # noqa: E402

#: Modules a plain-text UTF-8 parse to JSON must not import.
HEAVY_MODULES: tuple[str, ...] = ("bs4", "lxml", "dateutil", "rich", "charset_normalizer", "yaml")

#: Rounds by default: the floor process is short and its time scatters on a shared machine; 50 rounds
#: keep the median ratio within a few per cent from one run to the next.
ROUNDS = 50
#: The cold-start target: ``newsclip parse one.txt -f json`` within this many times the floor.
TARGET_RATIO = 3.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=ROUNDS, help=f"rounds; each runs every command once (default {ROUNDS})")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="keep PYTHONDONTWRITEBYTECODE as it is, so sources may be compiled on every start")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    args = parser.parse_args(argv)
    result = run(repeat=args.repeat, bytecode=not args.no_bytecode)
    print(table(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


def console_script() -> str | None:
    """The installed ``newsclip`` command: next to this Python first, else on PATH."""
    beside = Path(sys.executable).with_name("newsclip")
    if beside.exists():
        return str(beside)
    return shutil.which("newsclip")


def commands(sample: str) -> list[tuple[str, list[str]]]:
    """``(label, argv)`` of every command timed; the first is the floor."""
    python = sys.executable
    out = [("python -c \"import json\" (floor)", [python, "-c", "import json"])]
    script = console_script()
    if script:
        out.append(("newsclip --version", [script, "--version"]))
        out.append(("newsclip parse one.txt -f json", [script, "parse", sample, "-f", "json"]))
    out.append(("python -m newsclip --version", [python, "-m", "newsclip", "--version"]))
    out.append(("python -m newsclip parse one.txt -f json", [python, "-m", "newsclip", "parse", sample, "-f", "json"]))
    out.append(("python -c \"import click\" (for scale)", [python, "-c", "import click"]))
    return out


def run(*, repeat: int = ROUNDS, bytecode: bool = True) -> dict[str, object]:
    """Time every command ``repeat`` times, interleaved; medians, ratios to the floor, and the import check."""
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="newsclip-cold-") as work:
        sample = os.path.join(work, "one.txt")
        Path(sample).write_text(plain_stack(invent(random.Random(7))), encoding="utf-8")
        cmds = commands(sample)
        for _, argv in cmds:  # warm-up: bytecode written, page cache filled, output checked
            _check(argv, env)
        walls: dict[str, list[float]] = {label: [] for label, _ in cmds}
        cpus: dict[str, list[float]] = {label: [] for label, _ in cmds}
        for round_no in range(max(1, repeat)):
            shift = round_no % len(cmds)
            for label, argv in cmds[shift:] + cmds[:shift]:
                wall, cpu = time_once(argv, env)
                walls[label].append(wall)
                cpus[label].append(cpu)
        imported = heavy_imports([sys.executable, "-m", "newsclip", "parse", sample, "-f", "json"], env)
    floor_label = cmds[0][0]
    floor_wall = statistics.median(walls[floor_label])
    floor_cpu = statistics.median(cpus[floor_label])
    rows = []
    for label, _ in cmds:
        wall, cpu = statistics.median(walls[label]), statistics.median(cpus[label])
        rows.append({"command": label, "wall_ms": round(wall * 1000, 1), "cpu_ms": round(cpu * 1000, 1),
                     "wall_ratio": round(wall / floor_wall, 2), "cpu_ratio": round(cpu / floor_cpu, 2),
                     "wall_min_ms": round(min(walls[label]) * 1000, 1)})
    parse_row = next(r for r in rows if "parse" in r["command"])  # type: ignore[operator]
    return {
        **header("cold_start"),
        "repeat": repeat,
        "bytecode_cached": bytecode,
        "rows": rows,
        "heavy_modules_imported": imported,
        "target": f"parse <= {TARGET_RATIO:g}x floor",
        "parse_ratio": parse_row["wall_ratio"],
        "parse_cpu_ratio": parse_row["cpu_ratio"],
        "target_met": parse_row["wall_ratio"] <= TARGET_RATIO,  # type: ignore[operator]
    }


def time_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of ``argv``."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited with {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def _check(argv: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {done.stderr.strip()}")
    if "parse" in argv:
        record = json.loads(done.stdout)
        if not record.get("headline"):
            raise RuntimeError(f"{' '.join(argv)} printed a record without a headline")


def heavy_imports(argv: list[str], env: dict[str, str]) -> list[str]:
    """Which of :data:`HEAVY_MODULES` the command imports (read from ``python -X importtime``)."""
    done = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], capture_output=True, text=True, env=env,
                          check=False)
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return [m for m in HEAVY_MODULES if m in names]


def table(result: dict[str, object]) -> str:
    """The result as a Markdown table, with the target line under it."""
    lines = [
        "| command | wall ms (median) | × floor | CPU ms (median) | CPU × floor |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for r in result["rows"]:  # type: ignore[attr-defined]
        lines.append(f"| `{r['command']}` | {r['wall_ms']:.1f} | {r['wall_ratio']:.2f}× | {r['cpu_ms']:.1f} | "
                     f"{r['cpu_ratio']:.2f}× |")
    heavy = result["heavy_modules_imported"]
    verdict = "met" if result["target_met"] else "NOT met"
    lines.append("")
    lines.append(f"{result['repeat']} interleaved rounds; bytecode cached: {result['bytecode_cached']}; "
                 f"load average {result['load_average']}; heavy modules imported by the parse: "
                 f"{', '.join(heavy) if heavy else 'none'}; target {result['target']}: {verdict} "  # type: ignore[arg-type]
                 f"({result['parse_ratio']}×, CPU {result['parse_cpu_ratio']}×)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
