"""Many documents at once: lazy, ordered, chunked multiprocess extraction with per-document error records."""
from __future__ import annotations

import itertools
import os
import pickle
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from .pipeline import extract
from .reference import make_reference
from .timeline import Timeline

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["BatchError", "BatchResult", "DEFAULT_CHUNKSIZE", "available_cpus", "check_counts", "extract_many",
           "Job", "run_jobs"]

# About 30 ms of work per chunk on news-sized texts (2-3 k chars at ~0.4 M chars/s each):
# large enough that the per-chunk cost of pickling and queueing is a few per cent, small
# enough that the progress bar moves and a slow chunk holds back little ordered output.
DEFAULT_CHUNKSIZE = 16
# Chunks submitted but not yet yielded, per worker: keeps every worker busy while the
# parent waits for the oldest chunk, and bounds memory whatever the input's length.
_CHUNKS_IN_FLIGHT_PER_WORKER = 3
_DICT_KEYS = frozenset({"text", "reference", "tz", "id"})


@attrs.frozen
class BatchError:
    """Why one document of a batch has no timeline; the batch goes on without it.

    ``index``: the document's position in the input (0-based); ``id``: the ``id`` the
    item carried (a dict's ``"id"``, the CLI's file name), else None; ``error_type``: the
    exception's class name (``TypeError``, ``UnknownZoneError``, ``ValueError``,
    ``FileNotFoundError``…); ``message``: its message, one line.

    >>> from timeline import extract_many
    >>> [type(r).__name__ for r in extract_many(["At 6 p.m. it began.", 42], workers=1)]
    ['Timeline', 'BatchError']
    """

    index: int
    id: str | int | None
    error_type: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready data (what the CLI's batch mode writes).

        >>> BatchError(1, "b.txt", "TypeError", "text must be a str, not int").to_dict()["type"]
        'TypeError'
        """
        return {"index": self.index, "id": self.id, "type": self.error_type, "message": self.message}


BatchResult: TypeAlias = Timeline | BatchError  # what extract_many yields, per document


@attrs.frozen
class Job:
    """One document as a worker receives it: the text, or a file path the worker reads."""

    index: int
    id: str | int | None
    text: object = None
    reference: object = None
    tz: object = None
    path: str | None = None


def extract_many(texts: Iterable[object], *, reference: object = None, tz: object = None,
                 lang: str = "en", workers: int | None = None, progress: bool = False,
                 chunksize: int | None = None,
                 start_method: str | None = None) -> Iterator[Timeline | BatchError]:
    """``extract`` over many documents: one result per input item, in input order.

    Each item of ``texts`` is one document:

    - a ``str``: the text, read with the call's ``reference`` and ``tz``;
    - a tuple ``(text, reference)`` or ``(text, reference, tz)``;
    - a mapping with key ``"text"`` and optional ``"reference"``, ``"tz"`` and ``"id"``
      (a key that is absent falls back to the call's argument; a present ``None`` means
      none; other keys are an error for that item, so a misspelt key is not ignored).

    ``reference`` and ``tz`` may also be a list or tuple with one value per item (lengths
    must match; a mismatch raises ``ValueError`` when it is reached).

    The result is an iterator of ``Timeline | BatchError``: a ``Timeline`` equal to
    ``extract(text, reference=…, tz=…, lang=lang)`` for each good document, a
    :class:`BatchError` (index, id, error_type, message) for a document that raised
    anything (text not a ``str``, bad reference, unknown zone, malformed item…). One bad
    document never stops the batch. Sort them with ``isinstance(result, BatchError)``.

    The input is read lazily, ``chunksize`` items at a time, and at most
    ``3 × workers`` chunks are in flight, so a generator of millions of documents runs in
    flat memory; results are yielded as soon as the oldest chunk is done. ``chunksize``
    defaults to 16, or less when ``texts`` has a length too small to give every worker
    four chunks.

    ``workers``: processes to use; ``None`` means one per CPU this process may run on;
    ``1`` runs in this process without a pool. ``start_method`` (``"fork"``, ``"spawn"``,
    ``"forkserver"``; default: the platform's) starts the workers; they only run the
    module-level function ``_run_chunk``, so ``spawn`` works too (then, as always with
    ``spawn``, call it from under ``if __name__ == "__main__":`` in a script).

    ``progress=True`` shows a tqdm bar on stderr (counts documents; the total is known
    when ``texts`` has a length); tqdm comes with the ``batch`` extra.

    Errors in the call's own arguments (unknown ``tz``, bad ``reference``, unsupported
    ``lang``, ``workers`` or ``chunksize`` < 1) raise at once, before any document is read.

    >>> [type(r).__name__ for r in extract_many(["At 6 p.m. it rained.", 42], workers=1)]
    ['Timeline', 'BatchError']
    """
    references = _per_item(reference)
    zones_ = _per_item(tz)
    # Validate the call-level arguments now: a caller's mistake is not a document's.
    make_reference(None if references is not None else reference,
                   None if zones_ is not None else tz, lang)
    total = len(texts) if hasattr(texts, "__len__") else None  # type: ignore[arg-type]
    workers, chunksize = check_counts(workers, chunksize, total)
    jobs = _jobs(texts, reference, tz, references, zones_)
    return run_jobs(jobs, lang=lang, workers=workers, progress=progress, chunksize=chunksize,
                    total=total, start_method=start_method)


def _per_item(value: object) -> list[object] | tuple[object, ...] | None:
    """A list or tuple gives one value per item; anything else is the value for all."""
    return value if isinstance(value, (list, tuple)) else None


def check_counts(workers: int | None, chunksize: int | None, total: int | None) -> tuple[int, int]:
    """Validated worker count and chunk size (see ``extract_many``)."""
    if workers is None:
        workers = available_cpus()
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise ValueError(f"workers must be a positive int or None, not {workers!r}")
    if chunksize is None:
        chunksize = DEFAULT_CHUNKSIZE
        if total is not None and workers > 1:  # a short list still reaches every worker
            chunksize = max(1, min(chunksize, -(-total // (4 * workers))))
    if not isinstance(chunksize, int) or isinstance(chunksize, bool) or chunksize < 1:
        raise ValueError(f"chunksize must be a positive int or None, not {chunksize!r}")
    return workers, chunksize


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _jobs(texts: Iterable[object], reference: object, tz: object,
          references: list[object] | tuple[object, ...] | None,
          zones_: list[object] | tuple[object, ...] | None) -> Iterator[Job]:
    per_reference: Iterable[object] = itertools.repeat(reference) if references is None else references
    per_zone: Iterable[object] = itertools.repeat(tz) if zones_ is None else zones_
    if references is None and zones_ is None:
        items: Iterable[tuple[object, object, object]] = zip(texts, per_reference, per_zone)
    elif references is None:  # strict zip: a length mismatch raises instead of truncating
        items = ((item, reference, zone) for item, zone in zip(texts, per_zone, strict=True))
    elif zones_ is None:
        items = ((item, ref, tz) for item, ref in zip(texts, per_reference, strict=True))
    else:
        items = zip(texts, per_reference, per_zone, strict=True)
    for index, (item, item_reference, item_tz) in enumerate(items):
        yield _job(index, item, item_reference, item_tz)


def _job(index: int, item: object, reference: object, tz: object) -> Job:
    """The item as a job; a malformed item becomes a job that fails, in its place."""
    if isinstance(item, str):
        return Job(index, None, item, reference, tz)
    if isinstance(item, tuple) and len(item) in (2, 3):
        return Job(index, None, item[0], item[1], item[2] if len(item) == 3 else tz)
    if isinstance(item, Mapping):
        unknown = set(item) - _DICT_KEYS
        item_id = _plain_id(item.get("id"))
        if unknown:
            return Job(index, item_id, _BadItem(
                f"unknown key(s) {sorted(map(str, unknown))} (allowed: text, reference, tz, id)"))
        if "text" not in item:
            return Job(index, item_id, _BadItem("mapping item has no 'text' key"))
        if item_id != item.get("id"):
            return Job(index, item_id, _BadItem(
                f"id must be a str, int or None, not {type(item.get('id')).__name__}", "TypeError"))
        return Job(index, item_id, item["text"], item.get("reference", reference), item.get("tz", tz))
    return Job(index, None, _BadItem(
        "item must be a str, a (text, reference[, tz]) tuple or a mapping with 'text', "
        f"not {type(item).__name__}", "TypeError"))


@attrs.frozen
class _BadItem:
    """Stands in for the text of an item that could not be read as a document."""

    message: str
    error_type: str = "ValueError"


def run_jobs(jobs: Iterable[Job], *, lang: str, workers: int, progress: bool, chunksize: int,
             total: int | None = None, start_method: str | None = None) -> Iterator[Timeline | BatchError]:
    """The engine under ``extract_many`` (and the CLI, whose jobs carry file paths)."""
    context = None
    if workers > 1 and start_method is not None:
        import multiprocessing
        context = multiprocessing.get_context(start_method)  # ValueError names a bad method
    bar_class = _tqdm() if progress else None  # a missing tqdm fails the call, not the iteration
    chunks = _chunks(jobs, chunksize)
    results = _in_process(chunks, lang) if workers == 1 else _in_pool(chunks, lang, workers, context)
    return _counted(results, bar_class, total)


def _chunks(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    iterator = iter(jobs)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _counted(results: Iterator[list[Timeline | BatchError]], bar_class: Any,
             total: int | None) -> Iterator[Timeline | BatchError]:
    bar = None if bar_class is None else bar_class(total=total, unit="doc", file=sys.stderr,
                                                    dynamic_ncols=True)
    try:
        for chunk in results:
            if bar is not None:  # done means computed: count before the consumer takes them
                bar.update(len(chunk))
            yield from chunk
    finally:  # stopped early or failed: stop the pool too, now rather than at garbage collection
        close = getattr(results, "close", None)
        if close is not None:
            close()
        if bar is not None:
            bar.close()


def _tqdm() -> Any:
    try:
        from tqdm import tqdm  # type: ignore[import-untyped]
    except ImportError:
        raise ImportError("progress=True needs tqdm: pip install 'timeline-news[batch]'") from None
    return tqdm


def _in_process(chunks: Iterator[list[Job]], lang: str) -> Iterator[list[Timeline | BatchError]]:
    for chunk in chunks:
        yield [_extract_one(job, lang) for job in chunk]


def _in_pool(chunks: Iterator[list[Job]], lang: str, workers: int,
             context: Any) -> Iterator[list[Timeline | BatchError]]:
    """Submit chunks to a process pool, at most a few per worker ahead; yield them in order.

    ``Pool.imap`` would do the ordering, but its feeder thread reads the whole input
    ahead of the workers; here nothing is read before there is room for it.
    """
    from concurrent.futures import ProcessPoolExecutor  # imports multiprocessing: only when used

    pool = _Pool(lambda: ProcessPoolExecutor(max_workers=workers, mp_context=context), lang)
    pending: deque[tuple[list[Job], Future[list[bytes]]]] = deque()
    limit = workers * _CHUNKS_IN_FLIGHT_PER_WORKER
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(chunk)))
            if len(pending) >= limit:
                yield pool.collect(pending)
        while pending:
            yield pool.collect(pending)
    finally:  # the consumer stopped early, or something raised: drop queued work
        for _, future in pending:
            future.cancel()
        pool.shutdown()


class _Pool:
    """A process pool that survives a worker dying (killed, out of memory, crashed).

    When the oldest chunk comes back broken, its documents are rerun one at a time in a
    fresh pool with nothing else running, so the one that kills its worker is known for
    sure and gets the error record; the other broken chunks are then resubmitted.
    """

    def __init__(self, make: Any, lang: str) -> None:
        self._make, self._lang = make, lang
        self._executor = make()

    def submit(self, chunk: list[Job]) -> Future[list[bytes]]:
        from concurrent.futures import Future
        try:
            return self._executor.submit(_run_chunk, _pickled(chunk), self._lang)
        except Exception as exc:  # noqa: BLE001 - the pool broke since the last chunk
            broken: Future[list[bytes]] = Future()
            broken.set_exception(exc)
            return broken

    def collect(self, pending: deque[tuple[list[Job], Future[list[bytes]]]]) -> list[Timeline | BatchError]:
        from concurrent.futures.process import BrokenProcessPool
        chunk, future = pending.popleft()
        try:
            return [pickle.loads(result) for result in future.result()]
        except BrokenProcessPool:
            results = self._one_by_one(chunk)
            for i, (other, other_future) in enumerate(pending):
                if other_future.cancelled() or other_future.exception() is not None:
                    pending[i] = (other, self.submit(other))
            return results
        except Exception as exc:  # noqa: BLE001 - anything else fails this chunk only
            return [_error(job, exc) for job in chunk]

    def _one_by_one(self, chunk: list[Job]) -> list[Timeline | BatchError]:
        self._restart()
        results: list[Timeline | BatchError] = []
        for job in chunk:
            try:
                (payload,) = self.submit([job]).result()
                results.append(pickle.loads(payload))
            except Exception as exc:  # noqa: BLE001 - this document killed its worker
                results.append(BatchError(job.index, job.id, type(exc).__name__,
                                          "the worker process died on this document (killed, out of "
                                          f"memory or crashed): {_one_line(exc)}"))
                self._restart()
        return results

    def _restart(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._make()

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _pickled(chunk: list[Job]) -> list[bytes]:
    """Each job pickled on its own, so an item that cannot be pickled fails alone."""
    out = []
    for job in chunk:
        try:
            out.append(pickle.dumps(job, pickle.HIGHEST_PROTOCOL))
        except Exception as exc:  # noqa: BLE001 - any pickling failure is this item's error
            out.append(pickle.dumps(Job(job.index, job.id, _BadItem(
                f"item cannot be sent to a worker process: {_one_line(exc)}", type(exc).__name__))))
    return out


def _run_chunk(payloads: list[bytes], lang: str) -> list[bytes]:
    """Worker side (module level so ``spawn`` can import it): extract each job, pickled."""
    out = []
    for payload in payloads:
        job = pickle.loads(payload)
        result = _extract_one(job, lang)
        try:
            out.append(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
        except Exception as exc:  # noqa: BLE001 - a result that cannot travel back
            out.append(pickle.dumps(_error(job, exc), pickle.HIGHEST_PROTOCOL))
    return out


def _extract_one(job: Job, lang: str) -> Timeline | BatchError:
    try:
        if isinstance(job.text, _BadItem):
            return BatchError(job.index, job.id, job.text.error_type, job.text.message)
        text = read_text_file(job.path) if job.path is not None else job.text
        return extract(text, reference=job.reference, tz=job.tz, lang=lang)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        return _error(job, exc)


def read_text_file(path: str) -> str:
    """A UTF-8 text file's content; ``-`` is standard input. Errors name the file."""
    from .cli import _read  # one reader, one error message for the CLI's single and batch modes
    return _read(path)


def _error(job: Job, exc: BaseException) -> BatchError:
    return BatchError(job.index, job.id, type(exc).__name__, _one_line(exc))


def _plain_id(value: object) -> str | int | None:
    """The id as given when it is a str, int or None; else its repr (an error record's id)."""
    return value if isinstance(value, (str, int, type(None))) and not isinstance(value, bool) else repr(value)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
