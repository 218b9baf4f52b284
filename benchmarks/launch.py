"""Start one command and report its wall time and its own peak memory as JSON.

run.py starts commands through this small process, not directly: on Linux a child's
peak RSS (ru_maxrss) includes the memory of the process it was forked from, so
children of the benchmark runner (which holds generated maps) would all report the
runner's size. Forked from this small launcher, the command reports its own.

Usage: python launch.py RESULT.json COMMAND [ARG...]
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path


def main() -> int:
    """Run the command with inherited stdin/stdout/stderr; write the JSON result."""
    result_path, cmd = sys.argv[1], sys.argv[2:]
    exe = shutil.which(cmd[0]) or cmd[0]
    start = time.monotonic()
    pid = os.posix_spawn(exe, cmd, os.environ)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.monotonic() - start
    result = {
        "start": start,
        "seconds": seconds,
        "peak_kb": usage.ru_maxrss,
        "cpu": usage.ru_utime + usage.ru_stime,
        "code": os.waitstatus_to_exitcode(status),
    }
    Path(result_path).write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
