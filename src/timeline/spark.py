"""Spark: add a timeline column to a DataFrame of articles (a pandas UDF; pyspark imported lazily)."""
from __future__ import annotations

import math
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .pipeline import extract
from .reference import make_reference

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = ["with_timeline", "extract_rows", "RESULT_DDL"]

# The UDF's return type, flattened into the two output columns by ``with_timeline``.
RESULT_DDL = "timeline STRING, error_type STRING, error_message STRING"


def with_timeline(df: DataFrame, text_col: str = "text", *, reference_col: str | None = None,
                  tz_col: str | None = None, output_col: str = "timeline",
                  error_col: str = "timeline_error", reference: object = None, tz: object = None,
                  lang: str = "en") -> DataFrame:
    """``df`` with two columns added: the timeline of each row's text, as JSON, and its error.

    Added columns (all other columns are kept as they are, in their order):

    - ``output_col`` (default ``timeline``), ``STRING``, nullable: the row's
      ``Timeline.to_json()`` — the package's JSON contract (``version``, ``reference``,
      ``timezone``, ``text``, ``events``, ``mentions``; JSON Schema
      ``timeline/schema/timeline.schema.json``; read it back with
      ``timeline.Timeline.from_json`` or Spark's ``from_json``/``get_json_object``).
      Null exactly when the row failed.
    - ``error_col`` (default ``timeline_error``),
      ``STRUCT<type: STRING, message: STRING>``, nullable: null when the row succeeded;
      otherwise the exception's class name (``TypeError`` for a null or non-string text,
      ``ValueError`` for a bad reference, ``UnknownZoneError``…) and its one-line message.
      A bad row never fails the job.

    Each row is read like ``timeline.extract(text, reference=…, tz=…, lang=lang)``:

    - ``reference_col``: the row's document date — a ``STRING`` (ISO date or datetime),
      ``DATE``, ``TIMESTAMP`` (an instant: passed with its UTC offset in the session time
      zone) or ``TIMESTAMP_NTZ`` (a wall time, read in the row's zone). A null value, or
      no ``reference_col``, uses ``reference``.
    - ``tz_col``: the row's default zone (IANA name or abbreviation); null, or no
      ``tz_col``, uses ``tz``.

    ``reference``, ``tz`` and ``lang`` are checked here on the driver (a bad one raises
    at once). Work runs on the executors through an Arrow-backed pandas UDF, in as many
    tasks as ``df`` has partitions; only the text, reference and zone columns are
    shipped to Python. Executors need ``timeline-news`` installed (``pip install
    'timeline-news[spark]'`` on the driver as well: pyspark, pandas, pyarrow).
    """
    try:
        from pyspark.sql import functions as F
        from pyspark.sql import types as T
    except ImportError:
        raise ImportError("timeline.spark needs pyspark: pip install 'timeline-news[spark]'") from None
    make_reference(reference, tz, lang)
    for name in (text_col, reference_col, tz_col):
        if name is not None and name not in df.columns:
            raise ValueError(f"column {name!r} is not in the DataFrame (columns: {', '.join(df.columns)})")
    for name in (output_col, error_col):
        if name in df.columns:
            raise ValueError(f"output column {name!r} is already in the DataFrame")

    def rows(texts, references, zones):  # type: ignore[no-untyped-def]  # no hints: a scalar pandas UDF
        import pandas as pd  # type: ignore[import-untyped]
        out = extract_rows(list(texts), list(references), list(zones),
                           reference=reference, tz=tz, lang=lang)
        return pd.DataFrame(out, columns=["timeline", "error_type", "error_message"])

    udf = F.pandas_udf(rows, RESULT_DDL)  # type: ignore[call-overload]
    result = "__timeline_result"
    while result in df.columns:
        result += "_"
    withed = df.withColumn(result, udf(
        F.col(text_col),
        _reference_column(df, reference_col, F, T),
        F.col(tz_col).cast("string") if tz_col is not None else F.lit(None).cast("string"),
    ))
    error = F.when(F.col(f"{result}.error_type").isNotNull(), F.struct(
        F.col(f"{result}.error_type").alias("type"), F.col(f"{result}.error_message").alias("message")))
    return withed.select(*[F.col(f"`{c}`") for c in df.columns],
                         F.col(f"{result}.timeline").alias(output_col), error.alias(error_col))


def _reference_column(df: DataFrame, name: str | None, F: Any, T: Any) -> Any:
    """The reference as a string column Python reads the same way on every Spark version."""
    if name is None:
        return F.lit(None).cast("string")
    column, kind = F.col(name), df.schema[name].dataType
    if isinstance(kind, T.TimestampType):  # an instant: keep it exact, with its offset
        return F.date_format(column, "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
    # DATE gives yyyy-MM-dd, TIMESTAMP_NTZ gives a wall time without offset; strings stay.
    return column.cast("string")


def extract_rows(texts: list[Any], references: list[Any], zones: list[Any], *, reference: object = None,
                 tz: object = None, lang: str = "en") -> list[tuple[str | None, str | None, str | None]]:
    """``(timeline_json, error_type, error_message)`` per row: the UDF's body, Spark-free.

    Null (None/NaN/NaT) references and zones fall back to ``reference`` and ``tz``.
    """
    out: list[tuple[str | None, str | None, str | None]] = []
    for text, row_reference, row_zone in zip(texts, references, zones, strict=True):
        try:
            tl = extract(_null_to_none(text), lang=lang,
                         reference=_plain(_or(row_reference, reference)), tz=_or(row_zone, tz))
            out.append((tl.to_json(), None, None))
        except Exception as exc:  # noqa: BLE001 - a bad row must not fail the job
            out.append((None, type(exc).__name__, " ".join(str(exc).split()) or type(exc).__name__))
    return out


def _null_to_none(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if type(value).__name__ in ("NaTType", "NAType"):  # pandas' missing markers
        return None
    return value


def _or(value: Any, default: object) -> object:
    value = _null_to_none(value)
    return default if value is None else value


def _plain(value: Any) -> Any:
    """pandas.Timestamp → datetime; anything else as is."""
    return value.to_pydatetime() if isinstance(value, datetime) and hasattr(value, "to_pydatetime") else value
