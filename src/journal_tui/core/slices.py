"""Work split into fixed slices for worker processes, results read back in chunks.

Long passes over a whole journal (parsing every file for a cold index, scoring
every entry's themes) take seconds per thousand items on one core. Given many
items and more than one core, each worker process gets one fixed slice and sends
its results back in chunks; this process consumes them as they come.

Workers are plain processes: one that outlives its parent (killed mid-pass)
finishes its chunk, finds nobody reading and exits; one that dies leaves its
unsent part to ``rest``, run here. Processes are forked when this one has a single
thread (the command line: with ``os.fork`` and pipes, not multiprocessing, whose
imports alone cost a first build ~20 ms before any worker starts), else spawned
through multiprocessing (the TUI works in threads, and forking a threaded process is
unsafe). A worker ignores Ctrl-C: it reaches the whole process
group, and the parent's one-line exit would be buried under each worker's traceback.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import select
import signal
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

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


def forking() -> bool:
    """Whether workers are forked (else spawned): forking a process that runs other
    threads is unsafe (a lock held by one of them stays held in the child)."""
    return sys.platform == "linux" and alone()


def alone() -> bool:
    """Whether this process runs one thread. The kernel's count, not ``threading``'s:
    threads started with ``_thread`` or by C code are not in ``threading``'s
    (a pytest-xdist worker's channel thread, for one), and they hold locks too."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: the threads Python knows of
        return threading.active_count() == 1


def _context() -> Any:
    """multiprocessing's spawning context (~20 ms of imports: the spawned path only)."""
    import multiprocessing

    _start_tracker()
    return multiprocessing.get_context("spawn")


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
    parts = [list(items[k::n]) for k in range(n)]
    mine = parts.pop(0) if here else []
    workers = _Forked() if forking() else _Spawned()
    got = [0] * len(parts)
    finished: set[int] = set()  # the workers whose last message came: exiting
    try:
        for part in parts:
            workers.start(task, args, part)
        if mine:
            yield from rest(mine)
        pending = list(range(len(parts)))
        while pending:
            for k in workers.ready(pending):
                try:
                    chunk = marshal.loads(workers.receive(k))
                except (EOFError, OSError, ValueError):  # ValueError: cut short
                    chunk = None
                if not chunk:  # finished, or died: do what it did not send
                    pending.remove(k)
                    if chunk == []:
                        finished.add(k)
                    left = parts[k][got[k]:]
                    if left:
                        yield from rest(left)
                    continue
                got[k] += len(chunk)
                yield chunk
    finally:
        workers.close(finished)


class _Forked:
    """Workers forked with ``os.fork``, each writing to a pipe of its own: none of
    multiprocessing's ~20 ms of imports and process bookkeeping, which a first
    index build of the command line would wait on before its first worker starts.
    A message is its length (8 bytes) and its bytes."""

    def __init__(self) -> None:
        self.readers: list[int] = []
        self.pids: dict[int, int] = {}  # worker: its process
        self._poll = select.poll()
        self._polled: set[int] = set()

    def start(self, task: Callable[..., None], args: tuple[Any, ...], part: list[Any]) -> None:
        reader, writer = os.pipe()
        self.readers.append(reader)
        self._poll.register(reader, select.POLLIN)
        self._polled.add(reader)
        try:
            pid = os.fork()
        except OSError:  # no process to be had: with the writer closed, done here
            os.close(writer)
            return
        if pid == 0:  # the worker: never returns into the parent's code
            try:
                for fd in self.readers:  # so that once the parent is gone, writes fail
                    os.close(fd)
                _work(lambda data: _write_all(writer, _HEADER.pack(len(data)) + data),
                      task, args, part)
            finally:
                os._exit(0)
        self.pids[len(self.readers) - 1] = pid
        os.close(writer)

    def ready(self, pending: list[int]) -> list[int]:
        fds = {self.readers[k]: k for k in pending}
        for fd in self._polled - fds.keys():  # done with: a closed pipe would wake each poll
            self._poll.unregister(fd)
        self._polled &= fds.keys()
        return [fds[fd] for fd, _ in self._poll.poll() if fd in fds]

    def receive(self, k: int) -> bytes | bytearray:
        fd = self.readers[k]
        (size,) = _HEADER.unpack(_read_exactly(fd, _HEADER.size))
        return _read_exactly(fd, size)

    def close(self, finished: set[int]) -> None:
        """Close the pipes and wait for the workers (``finished``: those whose last
        message came, waited for at once; the others may take up to ~5 s)."""
        for fd in self.readers:
            with contextlib.suppress(OSError):
                os.close(fd)
        for k, pid in self.pids.items():
            if k in finished:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, 0)
            else:
                _reap(pid)


_HEADER = struct.Struct("=Q")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _read_exactly(fd: int, size: int) -> bytearray:
    """``size`` bytes from ``fd`` (EOFError: the writer closed it first), in a buffer
    ``marshal`` reads as it is (a copy into ``bytes`` cost the parent ~2 ms a 16 MB)."""
    buf = bytearray(size)
    view = memoryview(buf)
    got = 0
    while got < size:
        n = os.readv(fd, [view[got:]])
        if not n:
            raise EOFError
        got += n
    return buf


def _reap(pid: int) -> None:
    """Wait for a worker cut short: it exits once it finds nobody reading (~5 s at
    most), else it is killed."""
    for _ in range(5000):
        try:
            if os.waitpid(pid, os.WNOHANG)[0]:
                return
        except ChildProcessError:
            return
        time.sleep(0.001)
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


class _Spawned:
    """Workers spawned through multiprocessing (a process with other threads)."""

    def __init__(self) -> None:
        self.ctx = _context()
        self.readers: list[Connection] = []
        self.procs: list[Any] = []

    def start(self, task: Callable[..., None], args: tuple[Any, ...], part: list[Any]) -> None:
        reader, writer = self.ctx.Pipe(duplex=False)
        self.readers.append(reader)
        proc = self.ctx.Process(target=_spawned_work, daemon=True,
                                args=(writer, task, args, part))
        try:
            proc.start()
            self.procs.append(proc)
        except (OSError, ValueError):
            # No process to be had (out of processes, or a start the platform
            # refuses): with the writer closed, its share is done here like a dead
            # worker's.
            pass
        finally:
            writer.close()

    def ready(self, pending: list[int]) -> list[int]:
        from multiprocessing.connection import wait

        index = {id(self.readers[k]): k for k in pending}
        return [index[id(r)] for r in wait([self.readers[k] for k in pending])]

    def receive(self, k: int) -> bytes:
        return self.readers[k].recv_bytes()

    def close(self, finished: set[int]) -> None:
        for reader in self.readers:
            reader.close()
        for proc in self.procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join()


def _spawned_work(writer: Connection, task: Callable[..., None], args: tuple[Any, ...],
                  items: list[Any]) -> None:
    try:
        _work(writer.send_bytes, task, args, items)
    finally:
        writer.close()


def _work(send: Callable[[bytes], None], task: Callable[..., None], args: tuple[Any, ...],
          items: list[Any]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(Exception):  # the parent is gone, or does the rest itself
        task(lambda chunk: send(marshal.dumps(chunk)), *args, items)
        send(marshal.dumps([]))  # finished
