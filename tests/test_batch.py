"""extract_many: many documents, in order, lazily, across processes, one error record per bad document."""
import datetime as dt
import itertools
import sys

import attrs
import pytest

import timeline
from timeline import BatchError, Timeline, extract_many
from timeline.batch import DEFAULT_CHUNKSIZE

# Varied documents: each has a different time and zone, so a result in the wrong place
# cannot equal the expected one.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
ZONES = ("America/New_York", "Europe/Berlin", "Asia/Tokyo", None)


def article(i: int) -> str:
    return (f"On {WEEKDAYS[i % 5]} at {i % 12 + 1}:{i % 60:02d} p.m. the council met for "
            f"{i + 2} minutes. {i % 7 + 1} hours later the mayor resigned.")


def one_by_one(texts, reference=None, tz=None):
    return [timeline.extract(text, reference=reference, tz=tz) for text in texts]


def test_results_equal_extract_one_by_one_in_input_order_with_two_workers():
    texts = [article(i) for i in range(40)]
    expected = one_by_one(texts, reference="2024-03-15", tz="Europe/Paris")
    # chunks of 3 over 2 processes: chunks finish out of order, results must not
    got = list(extract_many(texts, reference="2024-03-15", tz="Europe/Paris", workers=2, chunksize=3))
    assert got == expected
    assert [tl.text for tl in got] == texts


def test_in_process_equals_pool_and_plain_loop(example_text):
    texts = [example_text, article(1), "", "Nothing happened."]
    expected = one_by_one(texts, reference="2023-05-24", tz="America/New_York")
    for workers in (1, 2):
        assert list(extract_many(texts, reference="2023-05-24", tz="America/New_York",
                                 workers=workers)) == expected


def test_one_bad_document_gives_an_error_record_in_its_place_and_the_batch_goes_on():
    items = [article(0), 42, article(1), {"text": article(2), "tz": "Nowhere/Land", "id": "doc-3"},
             (article(3), "yesterday-ish"), None, {"id": 7, "txt": "typo"}, {"id": 8}, b"bytes",
             {"text": article(4), "id": 9}]
    for workers in (1, 2):
        results = list(extract_many(items, reference="2024-03-15", workers=workers, chunksize=2))
        assert len(results) == len(items)
        errors = {r.index: r for r in results if isinstance(r, BatchError)}
        assert sorted(errors) == [1, 3, 4, 5, 6, 7, 8]
        assert (errors[1].error_type, errors[1].id) == ("TypeError", None)
        assert (errors[3].error_type, errors[3].id) == ("UnknownZoneError", "doc-3")
        assert "Nowhere/Land" in errors[3].message
        assert errors[4].error_type == "ValueError" and "yesterday-ish" in errors[4].message
        assert errors[5].error_type == "TypeError" and "NoneType" in errors[5].message
        assert errors[6].id == 7 and "txt" in errors[6].message
        assert errors[7].id == 8 and "'text'" in errors[7].message
        assert errors[8].error_type == "TypeError" and "bytes" in errors[8].message
        good = [(i, r) for i, r in enumerate(results) if isinstance(r, Timeline)]
        assert [i for i, _ in good] == [0, 2, 9]
        assert good[2][1] == timeline.extract(article(4), reference="2024-03-15")
        assert all("\n" not in e.message for e in errors.values())


def test_an_item_that_cannot_reach_a_worker_fails_alone():
    lock = __import__("threading").Lock()  # not picklable
    items = [article(0), (article(1), lock), article(2)]
    for workers in (1, 2):
        results = list(extract_many(items, workers=workers))
        assert isinstance(results[0], Timeline) and isinstance(results[2], Timeline)
        assert isinstance(results[1], BatchError) and results[1].index == 1


def test_generator_input_is_read_lazily_in_bounded_chunks():
    consumed = 0

    def endless():
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield article(i)

    results = extract_many(endless(), reference="2024-03-15", workers=2, chunksize=2)
    first = list(itertools.islice(results, 5))
    results.close()
    assert first == one_by_one([article(i) for i in range(5)], reference="2024-03-15")
    # an endless input works at all; reading stays within 3 chunks per worker of what
    # was yielded (5 results = 3 chunks of 2, plus 2 workers x 3 chunks in flight)
    assert consumed <= (3 + 2 * 3) * 2


def test_in_process_generator_reads_one_chunk_at_a_time():
    consumed = []
    texts = (consumed.append(i) or article(i) for i in itertools.count())
    results = extract_many(texts, workers=1, chunksize=4)
    assert consumed == []  # nothing is read before the first result is asked for
    next(results)
    assert consumed == [0, 1, 2, 3]


def test_tuples_dicts_and_per_item_references():
    items = [
        (article(0), "2024-03-15"),
        (article(1), dt.date(2021, 1, 4), "Asia/Tokyo"),
        {"text": article(2), "reference": "2020-02-02T10:00-05:00", "id": "x"},
        {"text": article(3), "reference": None},          # explicit None: no reference
        {"text": article(4)},                             # absent: the call's reference and tz
        article(5),
    ]
    expected = [
        timeline.extract(article(0), reference="2024-03-15", tz="Europe/London"),
        timeline.extract(article(1), reference=dt.date(2021, 1, 4), tz="Asia/Tokyo"),
        timeline.extract(article(2), reference="2020-02-02T10:00-05:00", tz="Europe/London"),
        timeline.extract(article(3), reference=None, tz="Europe/London"),
        timeline.extract(article(4), reference="2019-07-01", tz="Europe/London"),
        timeline.extract(article(5), reference="2019-07-01", tz="Europe/London"),
    ]
    for workers in (1, 2):
        assert list(extract_many(items, reference="2019-07-01", tz="Europe/London",
                                 workers=workers)) == expected


def test_a_list_of_references_gives_one_per_item_and_must_match_in_length():
    texts = [article(i) for i in range(3)]
    references = ["2024-01-01", "2023-06-30", None]
    assert list(extract_many(texts, reference=references, workers=1)) == [
        timeline.extract(t, reference=r) for t, r in zip(texts, references)]
    assert list(extract_many(texts, tz=["Asia/Tokyo", None, "UTC"], workers=1)) == [
        timeline.extract(t, tz=z) for t, z in zip(texts, ["Asia/Tokyo", None, "UTC"])]
    with pytest.raises(ValueError):
        list(extract_many(texts, reference=references[:2], workers=1))


def test_bad_call_arguments_raise_at_once_before_reading():
    consumed = []
    texts = (consumed.append(i) or article(i) for i in range(3))
    with pytest.raises(timeline.UnknownZoneError):
        extract_many(texts, tz="Nowhere/Land")
    with pytest.raises(ValueError, match="reference"):
        extract_many(texts, reference="not a date")
    with pytest.raises(ValueError, match="lang"):
        extract_many(texts, lang="xx")
    for bad in ({"workers": 0}, {"workers": -2}, {"chunksize": 0}, {"workers": 2, "start_method": "nope"}):
        with pytest.raises(ValueError):
            extract_many(texts, **bad)
    assert consumed == []


def test_spawned_workers_give_the_same_results():
    texts = [article(i) for i in range(6)] + [17]
    got = list(extract_many(texts, reference="2024-03-15", workers=2, start_method="spawn"))
    assert got[:6] == one_by_one(texts[:6], reference="2024-03-15")
    assert isinstance(got[6], BatchError) and got[6].index == 6


def test_default_chunks_reach_every_worker_for_short_lists():
    from timeline.batch import check_counts
    assert check_counts(2, None, 8) == (2, 1)
    assert check_counts(2, None, 10_000) == (2, DEFAULT_CHUNKSIZE)
    assert check_counts(1, None, 8) == (1, DEFAULT_CHUNKSIZE)
    assert check_counts(3, 5, 8) == (3, 5)
    assert check_counts(None, None, None)[0] >= 1


def test_progress_bar_counts_documents_on_stderr(capsys):
    texts = [article(i) for i in range(5)]
    assert len(list(extract_many(texts, workers=1, chunksize=2, progress=True))) == 5
    err = capsys.readouterr().err
    assert "5/5" in err and "doc" in err
    list(extract_many(iter(texts), workers=2, chunksize=2, progress=True))  # no total: a count
    assert "5doc" in capsys.readouterr().err.replace(" ", "")


def test_progress_without_tqdm_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now raises ImportError
    with pytest.raises(ImportError, match=r"timeline-news\[batch\]"):
        extract_many(["x"], workers=1, progress=True)
    assert list(extract_many(["x"], workers=1)) == [timeline.extract("x")]


def test_batch_error_is_a_small_frozen_record():
    error = BatchError(3, "a.txt", "ValueError", "bad reference")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        error.message = "changed"  # type: ignore[misc]
    assert error.to_dict() == {"index": 3, "id": "a.txt", "type": "ValueError", "message": "bad reference"}
    assert isinstance(error, timeline.batch.BatchResult)


class _KillsItsWorker:
    """Unpickling it in a worker ends that process at once, as a crash or the OOM killer would."""

    def __reduce__(self):
        import os
        return (os._exit, (3,))


def test_a_document_that_kills_its_worker_gets_the_error_and_the_rest_go_on():
    texts = [article(i) for i in range(14)]
    items = [*texts[:5], (texts[5], _KillsItsWorker()), *texts[6:10], (texts[10], _KillsItsWorker()),
             *texts[11:]]
    results = list(extract_many(items, reference="2024-03-15", workers=2, chunksize=2))
    for index in (5, 10):
        assert isinstance(results[index], BatchError) and results[index].index == index
        assert results[index].error_type == "BrokenProcessPool" and "died" in results[index].message
    good = [i for i in range(14) if i not in (5, 10)]
    assert [results[i] for i in good] == one_by_one([texts[i] for i in good], reference="2024-03-15")
    # in one process nothing is unpickled: the object is just a bad reference
    in_process = list(extract_many(items, reference="2024-03-15", workers=1))
    assert isinstance(in_process[5], BatchError) and in_process[5].error_type == "TypeError"
