"""Spread a pure function over many items across CPU cores, where that pays.

Workers are forked, so they inherit the function and its data (a Jinja environment, the site tree)
without pickling; only the results travel back. Workers die with the build process, even when it is
killed (SIGKILL), so an interrupted build leaves no process behind. With one core, few items, or other threads running
(forking a threaded process is unsafe), the items are processed in this process, in order.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 200
"""Below this many items, starting worker processes costs more than it saves."""

_PR_SET_PDEATHSIG = 1

_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def workers() -> int:
    """Usable cores; WOOSITE_WORKERS overrides (1 turns parallel work off)."""
    wanted = os.environ.get("WOOSITE_WORKERS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def pmap(func: Callable[[T], R], items: Sequence[T], done: Callable[[int], None] | None = None) -> list[R]:
    """``[func(x) for x in items]``, in order; ``done(n)`` is called as results arrive."""
    global _job
    count = min(workers(), len(items) // (MIN_ITEMS // 2))
    if (
        count < 2
        or len(items) < MIN_ITEMS
        or threading.active_count() > 1
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        results = []
        for item in items:
            results.append(func(item))
            if done:
                done(1)
        return results
    size = max(1, len(items) // (count * 8))
    chunks = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _job = (func, items)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(count, mp_context=context, initializer=_die_with, initargs=(os.getpid(),)) as pool:
            out: list[R] = []
            for part in pool.map(_run, chunks):
                out.extend(part)
                if done:
                    done(len(part))
            return out
    finally:
        _job = None


def _die_with(parent: int) -> None:
    """In a worker: be killed when the build process dies, also by SIGKILL (Linux), so no worker lingers."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _run(bounds: tuple[int, int]) -> list[Any]:
    assert _job is not None, "worker started without a job"
    func, items = _job
    return [func(items[i]) for i in range(*bounds)]
