"""Work split into fixed slices for worker processes, results read back in chunks.

Long passes over a whole journal (parsing every file for a cold index, scoring
every entry's themes) take seconds per thousand items on one core. Given many
items and more than one core, each worker process gets one fixed slice and sends
its results back in chunks; this process consumes them as they come.

Workers are plain processes: one that outlives its parent (killed mid-pass)
finishes its chunk, finds nobody reading and exits; one that dies leaves its
unsent part to ``rest``, run here. Processes are forked when this one has a single
thread (the command line), else spawned (the TUI works in threads, and forking a
threaded process is unsafe). A worker ignores Ctrl-C: it reaches the whole process
group, and the parent's one-line exit would be buried under each worker's traceback.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

T = TypeVar("T")
R = TypeVar("R")

Send = Callable[[list[Any]], None]
"""What a worker's task calls with each chunk of results."""


def cpus() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers_for(count: int, minimum: int, per_worker: int, most: int = 8) -> int:
    """Worker processes for ``count`` items (0: do it here): none below ``minimum``
    items, at least ``per_worker`` items each, and only when two or more pay."""
    if count < minimum:
        return 0
    n = min(cpus(), count // per_worker, most)
    return n if n >= 2 else 0


def _context() -> Any:
    import multiprocessing  # ~20 ms of imports, for large passes only

    fork = sys.platform == "linux" and threading.active_count() == 1
    if not fork:
        _start_tracker()
    return multiprocessing.get_context("fork" if fork else "spawn")


def _start_tracker() -> None:
    """Start multiprocessing's resource tracker (which spawning needs) on a real stderr.

    The tracker is started with this process's ``sys.stderr`` descriptor; inside a
    Textual app that is a capture whose ``fileno()`` is -1, and the spawn fails
    ("bad value(s) in fds_to_keep"). The tracker only writes leak warnings, which
    must not land on a TUI's screen either: it gets the null device."""
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        return
    with open(os.devnull, "w") as null, contextlib.redirect_stderr(null):
        resource_tracker.ensure_running()


def in_workers(task: Callable[..., None], args: tuple[Any, ...], items: Sequence[T], n: int,
               rest: Callable[[list[T]], Iterator[list[R]]],
               here: bool = False) -> Iterator[list[R]]:
    """Chunks of results of ``items`` (in no set order), worked on by ``n`` processes
    (``here``: ``n - 1`` of them, and this one does the first slice through ``rest``
    once they are started: for a pass whose results cost this process little).

    Worker ``k`` runs ``task(send, *args, items[k::n])`` (``task`` must be a module's
    function: spawned workers import it). ``task`` calls ``send(chunk)`` with a
    non-empty list of results, one per item, in its slice's order; results hold only
    what ``marshal`` writes (str, int, float, None, tuples, lists), which it reads
    back in about half pickle's time. What a worker does not send (it died, or could
    not start) is given to ``rest`` here.
    """
    from multiprocessing.connection import wait

    ctx = _context()
    forking = ctx.get_start_method() == "fork"
    slices = [list(items[k::n]) for k in range(n)]
    mine = slices.pop(0) if here else []
    readers: list[Connection] = []
    procs: list[Any] = []
    got: dict[Connection, int] = {}
    try:
        for part in slices:
            reader, writer = ctx.Pipe(duplex=False)
            readers.append(reader)
            got[reader] = 0
            # A forked worker holds copies of the readers made so far: it closes them,
            # so that once this process is gone its writes fail and it exits.
            proc = ctx.Process(target=_work, daemon=True,
                               args=(writer, readers if forking else [], task, args, part))
            try:
                proc.start()
                procs.append(proc)
            except (OSError, ValueError):
                # No process to be had (out of processes, or a start the platform
                # refuses): with the writer closed, its share is done here like a dead
                # worker's.
                pass
            finally:
                writer.close()
        if mine:
            yield from rest(mine)
        slice_of = dict(zip(readers, slices, strict=True))
        pending = list(readers)
        while pending:
            for ready in wait(pending):
                reader = cast("Connection", ready)  # wait() returns what it was given
                try:
                    chunk = marshal.loads(reader.recv_bytes())
                except (EOFError, OSError, ValueError):  # ValueError: cut short
                    chunk = None
                if not chunk:  # finished, or died: do what it did not send
                    pending.remove(reader)
                    left = slice_of[reader][got[reader]:]
                    if left:
                        yield from rest(left)
                    continue
                got[reader] += len(chunk)
                yield chunk
    finally:
        for reader in readers:
            reader.close()
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join()


def _work(writer: Connection, inherited: list[Connection], task: Callable[..., None],
          args: tuple[Any, ...], items: list[Any]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for reader in inherited:
        reader.close()
    try:
        task(lambda chunk: writer.send_bytes(marshal.dumps(chunk)), *args, items)
        writer.send_bytes(marshal.dumps([]))  # finished
    except Exception:  # the parent is gone, or does the rest itself
        pass
    finally:
        writer.close()
