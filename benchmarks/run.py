"""Benchmarks behind `make bench`: time argmap as whole processes and print one table.

Each row is the median wall time of several runs after a warm-up, with the peak
memory (max RSS) of the process, checked against the budgets of DESIGN §8. Maps
are generated (benchmarks/generate.py) at 1,000 and 10,000 nodes; the same maps are
written as Argdown text and Argdown's CLI is timed on them for comparison. Rows for
commands that are not written yet are skipped with a note. Figures, not tests: no
timing is asserted anywhere in tests/.

Usage: python benchmarks/run.py [--quick] [--runs N] [--only NAME ...] [--sizes N ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from argdown import install_cli, to_argdown  # noqa: E402 (after the path is set)
from generate import write  # noqa: E402
from procs import Measured, measure, measure_alternating, run_process, why_failed  # noqa: E402

ROOT = HERE.parent
CACHE = HERE / ".cache"
SIZES = (1_000, 10_000)
MB = 1024  # ru_maxrss is in KiB on Linux

# Budgets in seconds (DESIGN §8), keyed by (row name, nodes).
BUDGETS: dict[tuple[str, int], float] = {
    ("validate", 1_000): 0.5,
    ("validate", 10_000): 2.0,
    ("export -f dot", 1_000): 0.5,
    ("export -f dot", 10_000): 2.0,
    ("save", 10_000): 1.5,
    ("TUI first screen", 10_000): 2.0,
    ("TUI key → update", 10_000): 0.1,
    ("TUI key → form", 10_000): 0.1,
}
# argmap's `export -f dot` time ÷ Argdown's `argdown map --format dot` time.
RATIO_BUDGETS = {1_000: 0.25, 10_000: 0.5}

# Load + save through the store, set up as `argmap fmt` and the other batch commands
# run (cli.run: no pydantic plugin scan, cyclic GC off).
SAVE_SCRIPT = (
    "import gc, sys; from pathlib import Path; gc.disable(); "
    "from argmap.cli import skip_pydantic_plugin_discovery; skip_pydantic_plugin_discovery(); "
    "from argmap import store; "
    "p = Path(sys.argv[1]); loaded = store.load(p); "
    "store.save(loaded.map, p, expected=loaded.fingerprint)"
)


@dataclass
class Row:
    """One line of the table."""

    name: str
    nodes: int
    figure: str = ""  # the median, formatted
    cpu: str = ""  # median CPU time of the process: near the wall time on an idle machine
    peak: str = ""
    budget: str = ""
    result: str = ""
    note: str = ""


def argmap_cmd() -> list[str]:
    """How to start argmap: the installed console script beside this Python."""
    exe = Path(sys.executable).parent / "argmap"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "argmap"]


def seconds(value: float) -> str:
    """A time for the table: ms below one second."""
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def spread(times: list[float]) -> str:
    """The fastest and slowest run."""
    return f"{seconds(min(times))}–{seconds(max(times))}"


def verdict(value: float, budget: float | None) -> tuple[str, str]:
    """(budget text, PASS/FAIL) for a time in seconds."""
    if budget is None:
        return "", ""
    return f"≤ {seconds(budget)}", "PASS" if value <= budget else "FAIL"


def timed_row(name: str, nodes: int, measured: Measured) -> Row:
    """A table row from measured runs (or the reason they were skipped)."""
    if measured.skipped:
        return Row(name, nodes, "—", note=measured.skipped)
    budget, result = verdict(measured.median, BUDGETS.get((name, nodes)))
    return Row(
        name,
        nodes,
        seconds(measured.median),
        seconds(statistics.median(measured.cpu)),
        f"{measured.peak_kb / MB:.0f} MB",
        budget,
        result,
        f"{len(measured.times)} runs, {spread(measured.times)}",
    )


# Import PyYAML and pydantic and build one one-field model class, set up as argmap
# runs (no plugin scan): pydantic imports most of itself at the first class, not at
# `import pydantic`, so this is the least any command that validates a map can take.
PYDANTIC_FLOOR = """
import sys, types, yaml
loader = types.ModuleType("pydantic.plugin._loader")
loader.get_plugins = lambda *args, **kwargs: ()
sys.modules[loader.__name__] = loader
from pydantic import BaseModel
class Floor(BaseModel):
    x: int
"""


def baseline_rows(runs: int) -> list[Row]:
    """The floor no command goes under: Python itself, and the libraries argmap loads."""
    rows = []
    for name, code in (
        ("baseline: python -c pass", "pass"),
        ("baseline: pydantic model, yaml", PYDANTIC_FLOOR),
    ):
        measured = measure([sys.executable, "-c", code], runs, cwd=ROOT)
        rows.append(timed_row(name, 0, measured))
        rows[-1].note = "no map; " + rows[-1].note
    return rows


def compile_bytecode() -> None:
    """Compile argmap's modules to bytecode, as installing a wheel does.

    An editable install caches bytecode on first import, except where
    PYTHONDONTWRITEBYTECODE is set (as on this project's machines): there every
    command would compile argmap's sources again, 40-60 ms that an installed
    argmap never spends. Stale files are harmless: Python checks their timestamps.
    """
    import compileall

    compileall.compile_dir(ROOT / "src" / "argmap", quiet=1)


def prepare_maps(sizes: tuple[int, ...], seed: int) -> dict[int, tuple[Path, Path]]:
    """Generate each map as YAML and as Argdown text (deterministic for the seed)."""
    out: dict[int, tuple[Path, Path]] = {}
    folder = CACHE / "maps"
    folder.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        yaml_path = folder / f"map-{size}.yaml"
        argdown_path = folder / f"map-{size}.argdown"
        amap = write(size, yaml_path, seed)
        argdown_path.write_text(to_argdown(amap), encoding="utf-8")
        out[size] = (yaml_path, argdown_path)
    return out


def cli_rows(
    size: int, path: Path, runs: int, wanted: Callable[[str], bool], quick: bool
) -> list[Row]:
    """Time argmap's commands on one map."""
    out_dir = CACHE / "out"
    out_dir.mkdir(exist_ok=True)
    work = CACHE / "work"
    work.mkdir(exist_ok=True)
    save_copy = work / path.name
    shutil.copyfile(path, save_copy)
    argmap = argmap_cmd()
    commands: list[tuple[str, list[str], tuple[int, ...]]] = [
        ("validate", [*argmap, "validate", str(path)], (0,)),
        ("fmt --check", [*argmap, "fmt", "--check", str(path)], (0,)),
        ("show", [*argmap, "show", str(path)], (0,)),
        (
            "export -f dot",
            [*argmap, "export", str(path), "-f", "dot", "-o", str(out_dir / f"{size}.dot")],
            (0,),
        ),
        ("lint", [*argmap, "lint", str(path)], (0, 1)),  # 1: findings at the fail level
        ("save", [sys.executable, "-c", SAVE_SCRIPT, str(save_copy)], (0,)),
    ]
    if size <= 1_000 and not quick and shutil.which("dot"):
        svg = [*argmap, "export", str(path), "-f", "svg", "-o", str(out_dir / f"{size}.svg")]
        commands.append(("export -f svg", svg, (0,)))
    rows: list[Row] = []
    for name, cmd, ok in commands:
        if not wanted(name):
            continue
        print(f"  {name} at {size:,} nodes ...", file=sys.stderr, flush=True)
        rows.append(timed_row(name, size, measure(cmd, runs, ok=ok, cwd=ROOT)))
    return rows


def argdown_rows(maps: dict[int, tuple[Path, Path]], runs: int) -> list[Row]:
    """Time `argdown map --format dot` on the same maps, and argmap's ratio to it.

    argmap's `export -f dot` and Argdown take turns run by run, so both see the
    same load; the ratio is of the two medians from those turns.
    """
    exe, reason = install_cli(CACHE / "argdown")
    if exe is None:
        return [Row("argdown map --format dot", size, "—", note=reason) for size in maps]
    rows: list[Row] = []
    out_dir = CACHE / "out" / "argdown"
    out_dir.mkdir(parents=True, exist_ok=True)
    for size, (yaml_path, argdown_path) in maps.items():
        print(f"  argdown and export -f dot at {size:,} nodes ...", file=sys.stderr, flush=True)
        theirs_cmd = [str(exe), "map", str(argdown_path), str(out_dir), "--format", "dot"]
        ours_cmd = [*argmap_cmd(), "export", str(yaml_path), "-f", "dot"]
        ours_cmd += ["-o", str(out_dir / f"argmap-{size}.dot")]
        theirs, ours = measure_alternating([theirs_cmd, ours_cmd], runs, cwd=ROOT)
        rows.append(timed_row("argdown map --format dot", size, theirs))
        if theirs.skipped or ours.skipped:
            note = theirs.skipped or ours.skipped
            rows.append(Row("export -f dot ÷ Argdown", size, "—", note=note))
            continue
        ratio = ours.median / theirs.median
        limit = RATIO_BUDGETS[size]
        rows.append(
            Row(
                "export -f dot ÷ Argdown",
                size,
                f"{ratio:.2f}×",
                budget=f"≤ {limit}×",
                result="PASS" if ratio <= limit else "FAIL",
                note=f"{seconds(ours.median)} vs {seconds(theirs.median)}, in turns",
            )
        )
    return rows


EDIT_KEYS = ("ctrl+down", "ctrl+up", "ctrl+z")
FORM_KEYS = ("enter", "c", "e", "m", "f", "E")  # open a form (tui_probe.FORM_KEYS)
CLOSE_KEY = "escape"


def tui_rows(size: int, path: Path, runs: int) -> list[Row]:
    """Time the TUI headless: first screen (whole process) and key-to-update latency."""
    scratch = CACHE / "work" / f"tui-{path.name}"
    scratch.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, scratch)  # the probe edits (in memory); never the real map
    cmd = [sys.executable, str(HERE / "tui_probe.py"), str(scratch)]
    firsts: list[float] = []
    ready: list[float] = []
    settled: list[float] = []
    keys: dict[str, list[float]] = {}
    stall, peak = 0.0, 0
    names = (
        "TUI first screen",
        "TUI key → update (move)",
        "TUI key → update (edit)",
        "TUI key → form",
    )
    for i in range(runs + 1):  # the first run warms up
        print(f"  TUI at {size:,} nodes, run {i} ...", file=sys.stderr, flush=True)
        seen: dict[str, float] = {}

        def on_line(line: str, at: float, seen: dict[str, float] = seen) -> None:
            seen.setdefault(line.strip(), at)

        run = run_process(cmd, cwd=ROOT, on_line=on_line)
        if run.code != 0 or "first-screen" not in seen:
            return [Row(name, size, "—", note=why_failed(run)) for name in names]
        if i == 0:
            continue
        firsts.append(seen["first-screen"])
        ready.append(seen.get("findings", 0.0))
        settled.append(seen.get("settled", 0.0))
        peak = max(peak, run.peak_kb)
        report = json.loads(run.stdout.strip().splitlines()[-1])
        stall = max(stall, report["stall"])
        for key, times in report["keys"].items():
            keys.setdefault(key, []).extend(times)
    first = statistics.median(firsts)
    budget, result = verdict(first, BUDGETS[("TUI first screen", size)])
    note = (
        f"{runs} runs, headless, first frame with the map; all start-up messages handled at"
        f" {seconds(statistics.median(settled))}; findings (lint) at"
        f" {seconds(statistics.median(ready))}"
    )
    peak_text = f"{peak / MB:.0f} MB"
    rows = [Row(names[0], size, seconds(first), peak=peak_text, budget=budget, result=result)]
    rows[0].note = note
    moves = [k for k in keys if k not in (*EDIT_KEYS, *FORM_KEYS, CLOSE_KEY)]
    groups = (
        (names[1], "TUI key → update", moves),
        (names[2], "TUI key → update", EDIT_KEYS),
        (names[3], "TUI key → form", FORM_KEYS),
    )
    for name, budget_name, group in groups:
        times = [t for key in group for t in keys.get(key, [])]
        if not times:
            continue
        # Every key must react within the budget: the row is its slowest key's median.
        per_key = {key: statistics.median(keys[key]) for key in group if key in keys}
        slowest = max(per_key, key=per_key.__getitem__)
        value = per_key[slowest]
        budget, result = verdict(value, BUDGETS[(budget_name, size)])
        detail = ", ".join(f"{k} {v * 1000:.0f}" for k, v in sorted(per_key.items()))
        overall = seconds(statistics.median(times))
        note = (
            f"slowest key {slowest}; {len(times)} presses, median {overall},"
            f" max {seconds(max(times))}; medians in ms: {detail}"
        )
        if group is FORM_KEYS and keys.get(CLOSE_KEY):
            closes = keys[CLOSE_KEY]
            note += (
                f"; escape (close) median {seconds(statistics.median(closes))},"
                f" max {seconds(max(closes))}"
            )
        rows.append(Row(name, size, seconds(value), budget=budget, result=result, note=note))
    if stall > 0.05:
        rows[-1].note += f"; UI busy up to {seconds(stall)} between keys"
    return rows


def render(rows: list[Row], header: str) -> str:
    """The table as aligned text."""
    heads = Row("benchmark", 0, "median", "CPU", "peak RSS", "budget", "result", "note")
    cells = [
        [
            r.name,
            "nodes" if r is heads else f"{r.nodes:,}" if r.nodes else "",
            r.figure,
            r.cpu,
            r.peak,
            r.budget,
            r.result,
            r.note,
        ]
        for r in [heads, *rows]
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(7)]
    lines = [header, ""]
    for i, row in enumerate(cells):
        parts = [row[0].ljust(widths[0]), row[1].rjust(widths[1])]
        parts += [cell.rjust(w) for cell, w in zip(row[2:7], widths[2:7], strict=True)]
        lines.append("  ".join(parts) + ("  " + row[7] if row[7] else ""))
        if i == 0:
            lines.append("-" * (sum(widths) + 2 * 7 + 4))
    return "\n".join(lines)


def machine() -> str:
    """One line about the machine the figures come from."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    python = platform.python_version()
    return f"{os.cpu_count()} CPU cores ({cpu}), Python {python}, {platform.system()}"


def load_average() -> str:
    """The 1-minute load average, where the system reports one."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the table; exit 1 if a budget is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs; no svg, Argdown or TUI")
    parser.add_argument("--runs", type=int, help="timed runs per row (default 5, --quick 3)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="rows whose name contains NAME")
    parser.add_argument("--sizes", nargs="+", type=int, default=list(SIZES))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 5)

    def wanted(name: str) -> bool:
        return not args.only or any(part in name for part in args.only)

    start_load = load_average()
    compile_bytecode()
    print("generating maps ...", file=sys.stderr, flush=True)
    maps = prepare_maps(tuple(args.sizes), args.seed)
    rows: list[Row] = baseline_rows(runs) if wanted("baseline") else []
    for size, (path, _) in maps.items():
        rows += cli_rows(size, path, runs, wanted, args.quick)
    if not args.quick and wanted("argdown"):
        rows += argdown_rows(maps, runs)
    if not args.quick and wanted("TUI") and 10_000 in maps:
        rows += tui_rows(10_000, maps[10_000][0], min(runs, 3))
    header = (
        f"argmap benchmarks: {machine()}\n"
        f"median of {runs} runs after a warm-up; whole processes (wall time; CPU = user +"
        " system time of the process); peak RSS per process"
    )
    print(render(rows, header))
    notes = [
        "export -f svg at 10,000 nodes is not timed: Graphviz's own layout takes minutes"
        " there (export a --focus view instead).",
        f"load average (1 min) at start {start_load}, at end {load_average()}:"
        " other work on the machine slows every row.",
    ]
    print("\n".join(f"* {note}" for note in notes))
    failed = [r for r in rows if r.result == "FAIL"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
