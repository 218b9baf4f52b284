"""Time whole processes: wall time, exit code, stderr and peak memory of each run."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# What a command that is not written yet says (the CLI stubs, argparse, a missing module).
NOT_YET = ("not available", "not implemented", "invalid choice", "No module named 'argmap.")


@dataclass(frozen=True)
class Run:
    """One finished process."""

    seconds: float
    peak_kb: int
    code: int
    stderr: str
    stdout: str = ""
    cpu: float = 0.0  # user + system seconds of the command itself


@dataclass
class Measured:
    """The runs of one benchmark row, or why there are none."""

    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_kb: int = 0
    skipped: str = ""  # "not available yet: ..." or "error: ..."
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def median(self) -> float:
        """Median wall time in seconds."""
        return statistics.median(self.times)


LAUNCHER = Path(__file__).resolve().parent / "launch.py"


def run_process(
    cmd: Sequence[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    on_line: Callable[[str, float], None] | None = None,
) -> Run:
    """Run `cmd` to the end through the launcher; measure wall time and its own peak RSS.

    Args:
        cmd: the command.
        cwd: working directory.
        env: environment (default: ours).
        on_line: called with each stdout line and the seconds since the command
            started, as lines arrive (stdout is then captured, else discarded).
    """
    with tempfile.TemporaryDirectory() as tmp:
        result_path = Path(tmp) / "result.json"
        err_path = Path(tmp) / "stderr"
        arrivals: list[tuple[str, float]] = []
        with err_path.open("wb") as err:
            proc = subprocess.Popen(
                [sys.executable, str(LAUNCHER), str(result_path), *cmd],
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE if on_line else subprocess.DEVNULL,
                stderr=err,
                text=True,
            )
            if on_line is not None and proc.stdout is not None:
                # time.monotonic is system-wide on Linux: comparable with the launcher's.
                arrivals = [(line, time.monotonic()) for line in proc.stdout]
            proc.wait()
        stderr = err_path.read_text(encoding="utf-8", errors="replace")
        if proc.returncode != 0 or not result_path.exists():
            return Run(0.0, 0, proc.returncode or 2, stderr or "the launcher failed")
        result = json.loads(result_path.read_text(encoding="utf-8"))
    for line, at in arrivals:
        on_line(line, at - result["start"])  # type: ignore[misc]
    return Run(
        result["seconds"],
        result["peak_kb"],
        result["code"],
        stderr,
        "".join(line for line, _ in arrivals),
        result["cpu"],
    )


def why_failed(run: Run) -> str:
    """The row note for a run with an unexpected exit code."""
    lines = [line for line in run.stderr.strip().splitlines() if line.strip()]
    last = lines[-1] if lines else f"exit code {run.code}"
    if any(marker in run.stderr for marker in NOT_YET):
        return f"not available yet ({last.strip()[:70]})"
    return f"error: {last.strip()[:80]}"


def measure(
    cmd: Sequence[str],
    runs: int,
    *,
    ok: tuple[int, ...] = (0,),
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Measured:
    """Run `cmd` once to warm up, then `runs` times; skip the row if it fails."""
    warm = run_process(cmd, cwd=cwd, env=env)
    if warm.code not in ok:
        return Measured(skipped=why_failed(warm))
    result = Measured()
    for _ in range(runs):
        run = run_process(cmd, cwd=cwd, env=env)
        if run.code not in ok:
            return Measured(skipped=why_failed(run))
        result.times.append(run.seconds)
        result.cpu.append(run.cpu)
        result.peak_kb = max(result.peak_kb, run.peak_kb)
    return result


def measure_alternating(
    cmds: Sequence[Sequence[str]], runs: int, *, cwd: Path | None = None
) -> list[Measured]:
    """Time several commands in turn, run by run (a, b, a, b, ...), after a warm-up each.

    On a shared machine the load drifts over minutes; taking turns exposes every
    command to the same load, so the ratio of their medians is steadier than when
    each is timed in a block of its own.
    """
    results = [Measured() for _ in cmds]
    for cmd, result in zip(cmds, results, strict=True):
        warm = run_process(cmd, cwd=cwd)
        if warm.code != 0:
            result.skipped = why_failed(warm)
    if any(r.skipped for r in results):
        return results
    for _ in range(runs):
        for cmd, result in zip(cmds, results, strict=True):
            run = run_process(cmd, cwd=cwd)
            if run.code != 0:
                result.skipped = why_failed(run)
                return results
            result.times.append(run.seconds)
            result.cpu.append(run.cpu)
            result.peak_kb = max(result.peak_kb, run.peak_kb)
    return results
