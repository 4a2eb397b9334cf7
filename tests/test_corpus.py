"""Corpus tests: example tables in ``tests/corpus/*.txt`` that ``timeline.find_times`` must pass.

Each corpus file reads like documentation. Format (one case per non-comment line; blank lines
and lines starting with ``#`` are ignored)::

    @reference 2024-03-15 America/New_York
    = 2024-03-14 DATE
    The minister resigned [yesterday], officials said.
    = 2024-03-15T17:55 TIME start=2024-03-15T17:55:00-04:00
    Polls closed at [5:55 p.m.] on the east coast.
    = PT20M DURATION approx
    The hearing was delayed by [about twenty minutes].
    = same
    The rocket lifted off at [9:41 a.m. EDT] ([1341 GMT]).
    = none
    Shares rose 2.5% to 1,194.09.

``@reference DATE_OR_DATETIME ZONE``
    Sets the reference (passed to ``find_times`` as given) and the default IANA zone for every
    case after it, until the next ``@reference``.
``= VALUE TYPE [start=ISO8601-with-offset] [approx]``
    Opens a value block. Each line after it has exactly one ``[bracketed]`` span; ``find_times``
    (run on the line with the brackets removed) must return a mention with exactly that span,
    that TIMEX3 value and type. ``start=`` also requires ``mention.start`` to be the same instant
    with the same UTC offset; ``approx`` requires ``mention.approximate``.
``= same``
    Each line has two or more bracketed spans; every one must be found with exactly that span,
    and all must have the same, non-null ``start`` instant.
``= none``
    Lines without brackets; ``find_times`` must return no mention at all.

Anything else (a case line before ``@reference`` or before a block, a wrong number of
brackets, an unknown option, a block with no lines, a file with no cases) is a format error:
it fails the run loudly, it is never skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

CORPUS_DIR = Path(__file__).parent / "corpus"
TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})


class CorpusFormatError(ValueError):
    """A corpus file does not follow the format; the message names file and line."""

    def __init__(self, filename: str, lineno: int, message: str, line: str = ""):
        self.filename, self.lineno = filename, lineno
        where = f"{filename}:{lineno}"
        super().__init__(f"{where}: {message}" + (f"\n    {line!r}" if line else ""))


@dataclass(frozen=True)
class Expect:
    """What a block header asks for."""

    kind: str                       # "value", "same" or "none"
    value: str | None = None
    type: str | None = None
    start: datetime | None = None
    approx: bool = False
    header: str = ""


@dataclass(frozen=True)
class Case:
    filename: str
    lineno: int
    raw: str                        # the line as written, brackets included
    text: str                       # the line with brackets removed: what find_times reads
    spans: tuple[tuple[int, int], ...]
    expect: Expect
    reference: str
    tz: str

    @property
    def id(self) -> str:
        return f"{self.filename}:{self.lineno}"

    @property
    def theme(self) -> str:
        return Path(self.filename).stem


@dataclass
class _Block:
    expect: Expect
    lineno: int
    count: int = 0


@dataclass
class _State:
    reference: str | None = None
    tz: str | None = None
    block: _Block | None = None
    cases: list[Case] = field(default_factory=list)


def _parse_aware(text: str, filename: str, lineno: int, line: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise CorpusFormatError(filename, lineno, f"start={text!r} is not ISO 8601", line) from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise CorpusFormatError(filename, lineno, f"start={text!r} has no UTC offset", line)
    return value


def _parse_reference(rest: list[str], filename: str, lineno: int, line: str) -> tuple[str, str]:
    if len(rest) != 2:
        raise CorpusFormatError(filename, lineno,
                                "@reference needs exactly DATE_OR_DATETIME and ZONE", line)
    reference, tz = rest
    try:
        if "T" in reference:
            datetime.fromisoformat(reference)
        else:
            date.fromisoformat(reference)
    except ValueError:
        raise CorpusFormatError(filename, lineno,
                                f"reference {reference!r} is not an ISO date/datetime", line) from None
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise CorpusFormatError(filename, lineno, f"unknown IANA zone {tz!r}", line) from None
    return reference, tz


def _parse_header(rest: list[str], filename: str, lineno: int, line: str) -> Expect:
    if not rest:
        raise CorpusFormatError(filename, lineno, "empty block header", line)
    if rest[0] in ("same", "none"):
        if len(rest) != 1:
            raise CorpusFormatError(filename, lineno, f"'= {rest[0]}' takes no options", line)
        return Expect(kind=rest[0], header=line)
    if len(rest) < 2:
        raise CorpusFormatError(filename, lineno, "block header needs VALUE and TYPE", line)
    value, type_, options = rest[0], rest[1], rest[2:]
    if type_ not in TYPES:
        raise CorpusFormatError(filename, lineno,
                                f"type {type_!r} is not one of {sorted(TYPES)}", line)
    start, approx, seen = None, False, set()
    for option in options:
        name = option.split("=", 1)[0]
        if name in seen:
            raise CorpusFormatError(filename, lineno, f"option {name!r} given twice", line)
        seen.add(name)
        if option.startswith("start="):
            start = _parse_aware(option[len("start="):], filename, lineno, line)
        elif option == "approx":
            approx = True
        else:
            raise CorpusFormatError(filename, lineno, f"unknown option {option!r}", line)
    return Expect(kind="value", value=value, type=type_, start=start, approx=approx, header=line)


_BRACKETS = re.compile(r"[\[\]]")


def _strip_brackets(line: str, filename: str, lineno: int) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The line without brackets, and the (start, end) of each bracketed span in that text."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0          # position in the output text
    opened: int | None = None
    last = 0
    for match in _BRACKETS.finditer(line):
        out.append(line[last:match.start()])
        pos += match.start() - last
        last = match.end()
        if match.group() == "[":
            if opened is not None:
                raise CorpusFormatError(filename, lineno, "nested '['", line)
            opened = pos
        else:
            if opened is None:
                raise CorpusFormatError(filename, lineno, "']' without '['", line)
            if pos == opened:
                raise CorpusFormatError(filename, lineno, "empty brackets '[]'", line)
            spans.append((opened, pos))
            opened = None
    if opened is not None:
        raise CorpusFormatError(filename, lineno, "'[' never closed", line)
    out.append(line[last:])
    text = "".join(out)
    for start, end in spans:
        if text[start:end] != text[start:end].strip():
            raise CorpusFormatError(filename, lineno,
                                    "bracketed span starts or ends with whitespace", line)
    return text, tuple(spans)


def _close_block(state: _State, filename: str) -> None:
    block = state.block
    if block is not None and block.count == 0:
        raise CorpusFormatError(filename, block.lineno, "block has no case lines",
                                block.expect.header)


def parse_corpus(source: str, filename: str = "<string>") -> list[Case]:
    """Parse one corpus file's text into cases; raise CorpusFormatError on any format error."""
    state = _State()
    for lineno, raw_line in enumerate(source.splitlines(), start=1):
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            directive, *rest = line.split()
            if directive != "@reference":
                raise CorpusFormatError(filename, lineno, f"unknown directive {directive!r}", line)
            _close_block(state, filename)
            state.block = None
            state.reference, state.tz = _parse_reference(rest, filename, lineno, line)
            continue
        if line.startswith("="):
            _close_block(state, filename)
            expect = _parse_header(line[1:].split(), filename, lineno, line)
            state.block = _Block(expect=expect, lineno=lineno)
            continue
        # A case line.
        if state.reference is None or state.tz is None:
            raise CorpusFormatError(filename, lineno, "case line before any @reference", line)
        if state.block is None:
            raise CorpusFormatError(filename, lineno,
                                    "case line before any '= ...' block header", line)
        expect = state.block.expect
        text, spans = _strip_brackets(line, filename, lineno)
        if expect.kind == "value" and len(spans) != 1:
            raise CorpusFormatError(filename, lineno,
                                    f"a value block line needs exactly one [span], has {len(spans)}",
                                    line)
        if expect.kind == "same" and len(spans) < 2:
            raise CorpusFormatError(filename, lineno,
                                    f"a '= same' line needs two or more [spans], has {len(spans)}",
                                    line)
        if expect.kind == "none" and spans:
            raise CorpusFormatError(filename, lineno, "a '= none' line must have no [spans]", line)
        state.block.count += 1
        state.cases.append(Case(filename=filename, lineno=lineno, raw=line, text=text,
                                spans=spans, expect=expect, reference=state.reference,
                                tz=state.tz))
    _close_block(state, filename)
    if not state.cases:
        raise CorpusFormatError(filename, 0, "file has no cases")
    return state.cases


def load_corpus(directory: Path = CORPUS_DIR) -> tuple[list[Case], list[CorpusFormatError]]:
    """All cases of all ``*.txt`` files, and the format error of each file that has one."""
    cases: list[Case] = []
    errors: list[CorpusFormatError] = []
    for path in sorted(directory.glob("*.txt")):
        try:
            cases.extend(parse_corpus(path.read_text(encoding="utf-8"), path.name))
        except CorpusFormatError as error:
            errors.append(error)
    return cases, errors


# ------------------------------------------------------------------ checking ----------

def _describe(mention) -> str:
    start = getattr(mention, "start", None)
    span = tuple(getattr(mention, "span", ()))
    parts = [f"{getattr(mention, 'text', '?')!r} {list(span)}",
             f"{getattr(mention, 'type', '?')} {getattr(mention, 'value', '?')}"]
    parts.append(f"start={start.isoformat() if isinstance(start, datetime) else start}")
    if getattr(mention, "approximate", False):
        parts.append("approx")
    rule = getattr(mention, "rule", None)
    if rule:
        parts.append(f"rule={rule}")
    return " ".join(parts)


def _found(mentions) -> str:
    if not mentions:
        return "find_times found nothing"
    return "find_times found:\n" + "\n".join(f"    - {_describe(m)}" for m in mentions)


def _at_span(mentions, span: tuple[int, int]) -> list:
    return [m for m in mentions if tuple(m.span) == span]


def _same_instant_and_offset(actual, expected: datetime) -> bool:
    return (isinstance(actual, datetime) and actual.tzinfo is not None
            and actual.utcoffset() is not None
            and actual == expected and actual.utcoffset() == expected.utcoffset())


def _value_problems(mention, expect: Expect) -> list[str]:
    problems = []
    if mention.value != expect.value:
        problems.append(f"value {mention.value!r} != expected {expect.value!r}")
    if mention.type != expect.type:
        problems.append(f"type {mention.type!r} != expected {expect.type!r}")
    if expect.start is not None and not _same_instant_and_offset(mention.start, expect.start):
        got = mention.start.isoformat() if isinstance(mention.start, datetime) else mention.start
        problems.append(f"start {got} != expected {expect.start.isoformat()}"
                        " (same instant and same UTC offset required)")
    if expect.approx and not mention.approximate:
        problems.append("approximate is False, expected True")
    return problems


def check_case(case: Case, find_times) -> list[str]:
    """Run find_times on the case; return what differed (empty when the case passes)."""
    mentions = list(find_times(case.text, reference=case.reference, tz=case.tz))
    problems: list[str] = []
    for mention in mentions:   # invariant: text == input[start:end]
        start, end = mention.span
        if mention.text != case.text[start:end]:
            problems.append(f"mention text {mention.text!r} != input[{start}:{end}] "
                            f"{case.text[start:end]!r}")
    expect = case.expect
    if expect.kind == "none":
        if mentions:
            problems.append("expected no time mention")
    elif expect.kind == "value":
        (span,) = case.spans
        wanted = case.text[span[0]:span[1]]
        candidates = _at_span(mentions, span)
        if not candidates:
            problems.append(f"{wanted!r} {list(span)} not found (no mention with exactly that span)")
        elif all(_value_problems(m, expect) for m in candidates):
            for m in candidates:
                problems.extend(f"{wanted!r}: {p}" for p in _value_problems(m, expect))
    else:  # same
        starts = []
        for span in case.spans:
            wanted = case.text[span[0]:span[1]]
            candidates = _at_span(mentions, span)
            if not candidates:
                problems.append(f"{wanted!r} {list(span)} not found (no mention with exactly that span)")
                continue
            start = candidates[0].start
            if not isinstance(start, datetime):
                problems.append(f"{wanted!r} has start={start!r}, expected an aware datetime")
                continue
            starts.append((wanted, start))
        if not problems and len({s for _, s in starts}) > 1:
            listed = ", ".join(f"{w!r} start={s.isoformat()}" for w, s in starts)
            problems.append(f"starts differ: {listed}")
    if problems:
        problems.append(_found(mentions))
    return problems


def _expected_line(case: Case) -> str:
    expect = case.expect
    if expect.kind == "value":
        extra = (f" start={expect.start.isoformat()}" if expect.start else "") + \
            (" approx" if expect.approx else "")
        return f"expected {expect.value} {expect.type}{extra}"
    return "expected " + ("the same start for every span" if expect.kind == "same"
                          else "no mention")


# ------------------------------------------------------------------ the tests ---------

_CASES, _ERRORS = load_corpus()
_PARAMS = [pytest.param(error, id=f"{error.filename}:format-error") for error in _ERRORS]
_PARAMS += [pytest.param(case, id=case.id) for case in _CASES]
if not _PARAMS:
    _PARAMS = [pytest.param(CorpusFormatError(str(CORPUS_DIR), 0, "no corpus files found"),
                            id="corpus:missing")]


@pytest.mark.parametrize("case", _PARAMS)
def test_corpus(case):
    if isinstance(case, CorpusFormatError):
        pytest.fail(f"corpus format error: {case}", pytrace=False)
    import timeline

    problems = check_case(case, timeline.find_times)
    if problems:
        pytest.fail(
            f"{case.id} [{case.theme}] (reference {case.reference} {case.tz}): "
            f"{_expected_line(case)}\n  line: {case.raw}\n  " + "\n  ".join(problems),
            pytrace=False)
