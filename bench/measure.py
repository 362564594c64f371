#!/usr/bin/env python3
"""Run one command and measure it: wall time, CPU time and peak memory of the child.

    python bench/measure.py [--label L] [--cwd DIR] [--log FILE] [--out FILE] -- CMD ARGS...

prints (and with ``--out`` appends to FILE) one JSON line::

    {"label": L, "cmd": [...], "rc": 0, "wall": s, "user": s, "sys": s, "cpu": s,
     "maxrss_mib": MiB, "tree_pss_mib": MiB}

* ``wall``: from just before the fork to the reaping of the child (``time.perf_counter``);
* ``user``/``sys``: the child's CPU seconds from ``os.wait4``, which on Linux include the
  descendants it waited for (a build's worker pool);
* ``maxrss_mib``: ``ru_maxrss`` from ``os.wait4``: the peak resident set of the largest
  single process of the tree (the child or one of its reaped descendants), not their sum.
  Its floor is this script's own peak (~15 MiB), which Linux carries across the
  fork and exec into the child's figure;
* ``tree_pss_mib``: the peak of the whole process tree's memory, summed over processes as
  proportional set size (shared pages split between the sharers, so forked workers are
  not counted twice), sampled from /proc 0.1 s after the start and then every
  ``--interval`` seconds (default 0.5: reading a large process's smaps_rollup takes
  ~10 ms of the machine's CPU): a lower bound that can miss a short spike, 0 for a
  command shorter than 0.1 s, ``null`` where /proc is missing.

The command's stdout and stderr go to ``--log`` (appended) or to /dev/null. Exit status:
0 whatever the command's (the JSON says it), unless ``--ok 0,1`` names the codes that
count as success: then 1 for any other; 2 on a usage error.
``run_measured`` is the same as a function, for bench/run.py.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

MIB = 1024 * 1024
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass
class Measurement:
    label: str
    cmd: list[str]
    rc: int
    wall: float
    user: float
    sys: float
    cpu: float
    maxrss_mib: float
    tree_pss_mib: float | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as fh:
                out.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    return out


def _tree(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(_children(p))
    return seen


def _memory_kib(pid: int) -> int:
    """A process's proportional set size (KiB), or its resident set where smaps is unreadable."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * _PAGE // 1024
    except (OSError, ValueError, IndexError):
        return 0


class _TreeSampler(threading.Thread):
    """Polls the child's process tree for its summed memory until stopped."""

    def __init__(self, pid: int, interval: float) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_kib = 0
        self.available = os.path.isdir(f"/proc/{pid}")
        self._done = threading.Event()

    def run(self) -> None:
        delay = min(0.1, self.interval)  # a first look soon, for short commands
        while not self._done.wait(delay):
            total = sum(_memory_kib(p) for p in _tree(self.pid))
            self.peak_kib = max(self.peak_kib, total)
            delay = self.interval

    def stop(self) -> None:
        self._done.set()
        self.join()


def run_measured(
    cmd: Sequence[str],
    *,
    label: str = "",
    cwd: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    stdout: IO[Any] | int | None = subprocess.DEVNULL,
    stderr: IO[Any] | int | None = subprocess.DEVNULL,
    interval: float = 0.5,
) -> Measurement:
    """Run ``cmd`` to its end and measure it (see the module docstring)."""
    started = time.perf_counter()
    proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=stdout, stderr=stderr)
    sampler = _TreeSampler(proc.pid, interval) if interval > 0 else None
    if sampler is not None:
        sampler.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    finally:
        if sampler is not None:
            sampler.stop()
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen.wait
    pss = sampler.peak_kib / 1024 if sampler is not None and sampler.available else None
    return Measurement(
        label=label,
        cmd=list(cmd),
        rc=proc.returncode,
        wall=wall,
        user=usage.ru_utime,
        sys=usage.ru_stime,
        cpu=usage.ru_utime + usage.ru_stime,
        maxrss_mib=usage.ru_maxrss / 1024,  # KiB on Linux
        tree_pss_mib=pss,
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--label", default="")
    ap.add_argument("--cwd", type=Path)
    ap.add_argument("--log", type=Path, help="append the command's stdout and stderr here")
    ap.add_argument("--out", type=Path, help="append the JSON line here too")
    ap.add_argument("--interval", type=float, default=0.5, help="tree sampling period (s)")
    ap.add_argument(
        "--ok", help="comma-separated exit codes that count as success; exit 1 on any other"
    )
    ap.add_argument("cmd", nargs=argparse.REMAINDER, help="-- CMD ARGS...")
    args = ap.parse_args(argv)
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd:
        ap.error("no command given (put it after --)")
    log = args.log.open("ab") if args.log else None
    try:
        m = run_measured(
            cmd,
            label=args.label,
            cwd=args.cwd,
            stdout=log or subprocess.DEVNULL,
            stderr=log or subprocess.DEVNULL,
            interval=args.interval,
        )
    finally:
        if log is not None:
            log.close()
    line = json.dumps(m.as_dict(), ensure_ascii=False)
    print(line)
    if args.out:
        with args.out.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")
    if args.ok is not None and m.rc not in {int(c) for c in args.ok.split(",")}:
        where = f"; see {args.log}" if args.log else ""
        print(f"measure.py: {' '.join(cmd)} exited {m.rc}{where}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
