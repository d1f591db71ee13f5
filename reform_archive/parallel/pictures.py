"""Pictures encoded in worker processes: a cold build of an archive with a photo per article
spends most of its time in Pillow, and each original is independent of the others."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from reform_archive.imaging import Wanted, encode_renditions
from reform_archive.parallel.policy import pool_context
from reform_archive.parallel.workers import die_with_parent

__all__ = ["IN_FLIGHT_PER_WORKER", "MIN_PICTURES_PER_WORKER", "Task", "encode_all"]

# A worker takes about 30 ms to start and an original's renditions 50-700 ms to encode
MIN_PICTURES_PER_WORKER = 2
IN_FLIGHT_PER_WORKER = 2  # originals sent ahead: enough to keep a worker busy, few in memory at once

Task = tuple[bytes, Sequence[Wanted]]  # an original's bytes, the renditions wanted of it


def _encode(task: Task) -> list[bytes]:
    return encode_renditions(*task)


def encode_all(tasks: Iterable[Task], count: int, jobs: int) -> Iterator[list[bytes]]:
    """Each of ``count`` tasks' renditions, in the order given. ``tasks`` is read as workers
    become free, so its originals need not all be in memory at once."""
    workers = min(jobs, count // MIN_PICTURES_PER_WORKER)
    if workers <= 1:
        yield from map(_encode, tasks)
        return
    with ProcessPoolExecutor(workers, mp_context=pool_context(), initializer=die_with_parent) as pool:
        pending: deque[Future[list[bytes]]] = deque()
        for task in tasks:
            pending.append(pool.submit(_encode, task))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
