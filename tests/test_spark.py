"""timeline.spark against a real local Spark session (slow: starts a JVM; needs Java)."""
import datetime as dt
import importlib.util
import json
import os
import shutil
import sys

import pytest

import timeline
from timeline import Timeline

pytestmark = pytest.mark.slow

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs a Java runtime (17): none on PATH and JAVA_HOME unset", allow_module_level=True)

from pyspark.sql import SparkSession  # noqa: E402  (after the Java check: the skip reason is Java)
from pyspark.sql import functions as F  # noqa: E402
from pyspark.sql import types as T  # noqa: E402

from timeline.spark import extract_rows, with_timeline  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this venv's Python
    session = (SparkSession.builder.master("local[1]").appName("timeline-tests")
               .config("spark.sql.shuffle.partitions", "1")
               .config("spark.default.parallelism", "1")
               .config("spark.ui.enabled", "false")
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.sql.session.timeZone", "UTC")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


ROWS = [
    # id, text, reference (string), tz, published (timestamp), day (date)
    ("a", "At 6 p.m. the servers failed. After 21 minutes the stream stopped.", "2023-05-24",
     "America/New_York", dt.datetime(2023, 5, 24, 12, 0), dt.date(2023, 5, 24)),
    ("b", "On Friday at noon the polls closed.", None, None, None, None),
    ("c", None, "2023-05-24", None, None, None),
    ("d", "At noon it rained.", "someday", None, None, None),
    ("e", "At noon it rained.", "2020-01-01", "Nowhere/Land", None, None),
]
SCHEMA = "id STRING, text STRING, ref STRING, tz STRING, published TIMESTAMP, day DATE"


def test_adds_a_json_timeline_and_an_error_struct_and_keeps_every_row(spark, example_text):
    rows = ROWS + [("f", example_text, "2023-05-24", "America/New_York", None, None)]
    df = spark.createDataFrame(rows, SCHEMA).repartition(2)
    out = with_timeline(df, "text", reference_col="ref", tz_col="tz", reference="2024-03-15", tz="UTC")
    assert out.columns == ["id", "text", "ref", "tz", "published", "day", "timeline", "timeline_error"]
    assert out.schema["timeline"].dataType == T.StringType()
    assert out.schema["timeline_error"].dataType == T.StructType([
        T.StructField("type", T.StringType()), T.StructField("message", T.StringType())])
    got = {row["id"]: row for row in out.collect()}
    assert sorted(got) == ["a", "b", "c", "d", "e", "f"]
    expected = {
        "a": timeline.extract(rows[0][1], reference="2023-05-24", tz="America/New_York"),
        "b": timeline.extract(rows[1][1], reference="2024-03-15", tz="UTC"),  # nulls use the defaults
        "f": timeline.extract(example_text, reference="2023-05-24", tz="America/New_York"),
    }
    for key, tl in expected.items():
        assert got[key]["timeline_error"] is None
        assert Timeline.from_json(got[key]["timeline"]) == tl
        assert json.loads(got[key]["timeline"]) == tl.to_dict()
    errors = {key: got[key]["timeline_error"] for key in "cde"}
    assert all(got[key]["timeline"] is None for key in "cde")
    assert errors["c"]["type"] == "TypeError" and "NoneType" in errors["c"]["message"]
    assert errors["d"]["type"] == "ValueError" and "someday" in errors["d"]["message"]
    assert errors["e"]["type"] == "UnknownZoneError" and "Nowhere/Land" in errors["e"]["message"]


def test_timestamp_and_date_reference_columns(spark):
    df = spark.createDataFrame(ROWS[:1], SCHEMA)
    text = ROWS[0][1]
    # a TIMESTAMP is an instant: 12:00 UTC (the session zone) is 08:00 in New York
    (row,) = with_timeline(df, reference_col="published", tz_col="tz").collect()
    assert Timeline.from_json(row["timeline"]) == timeline.extract(
        text, reference="2023-05-24T12:00:00+00:00", tz="America/New_York")
    assert json.loads(row["timeline"])["reference"] == "2023-05-24T08:00:00-04:00"
    (row,) = with_timeline(df, reference_col="day", tz="Asia/Tokyo", output_col="tl",
                           error_col="err").collect()
    assert row["err"] is None
    assert Timeline.from_json(row["tl"]) == timeline.extract(text, reference=dt.date(2023, 5, 24), tz="Asia/Tokyo")


def test_bad_arguments_fail_on_the_driver(spark):
    df = spark.createDataFrame(ROWS[:1], SCHEMA)
    with pytest.raises(ValueError, match="'body'"):
        with_timeline(df, "body")
    with pytest.raises(ValueError, match="already"):
        with_timeline(df, output_col="tz")
    with pytest.raises(timeline.UnknownZoneError):
        with_timeline(df, tz="Nowhere/Land")


def test_rows_function_treats_missing_values_as_absent():
    import pandas as pd
    rows = extract_rows(["At noon it rained.", float("nan"), "At noon."], [None, None, pd.NaT],
                        [float("nan"), None, None], reference="2020-01-01", tz="Asia/Tokyo")
    assert rows[0] == (timeline.extract("At noon it rained.", reference="2020-01-01", tz="Asia/Tokyo").to_json(),
                       None, None)
    assert rows[1][0] is None and rows[1][1] == "TypeError"
    assert rows[2][0] is not None


def test_example_writes_parquet_for_a_folder_with_sidecars(spark, tmp_path, example_text):
    spec = importlib.util.spec_from_file_location("spark_corpus", os.path.join(REPO, "examples", "spark_corpus.py"))
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "desantis.txt").write_text(example_text)
    (folder / "desantis.meta.json").write_text('{"reference": "2023-05-24", "tz": "America/New_York"}')
    (folder / "short.txt").write_text("At 6 p.m. the servers failed.")
    (folder / "zone.txt").write_text("At noon it rained.")
    (folder / "zone.meta.json").write_text('{"tz": "Nowhere/Land"}')
    out = str(tmp_path / "out.parquet")
    corpus.timelines(spark, str(folder), reference="2024-03-15").write.parquet(out)
    got = {row["file"]: row for row in spark.read.parquet(out).collect()}
    assert sorted(got) == ["desantis.txt", "short.txt", "zone.txt"]
    assert Timeline.from_json(got["desantis.txt"]["timeline"]) == timeline.extract(
        example_text, reference="2023-05-24", tz="America/New_York")
    assert Timeline.from_json(got["short.txt"]["timeline"]) == timeline.extract(
        "At 6 p.m. the servers failed.", reference="2024-03-15")
    assert got["zone.txt"]["timeline"] is None
    assert got["zone.txt"]["timeline_error"]["type"] == "UnknownZoneError"
    assert spark.read.parquet(out).where(F.col("timeline_error").isNull()).count() == 2
