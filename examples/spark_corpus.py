"""Timelines for a folder of articles with Spark, written as Parquet.

    python examples/spark_corpus.py ARTICLES_DIR OUT.parquet [--reference 2023-05-24]
                                    [--tz America/New_York] [--master local[*]]

Every ``*.txt`` in ARTICLES_DIR (UTF-8; any Spark path: local, HDFS, S3…) is one article.
Its reference date and default zone come from an optional sidecar ``<name>.meta.json``
beside it, e.g. ``{"reference": "2023-05-24T18:00-04:00", "tz": "America/New_York"}``
(either key may be left out), else from ``--reference``/``--tz``.

The Parquet output has one row per article: ``file`` (the file name), ``text``,
``reference``, ``tz`` (from the sidecar, null without one), ``timeline`` (the
``Timeline.to_json()`` string, null on error) and ``timeline_error``
(``struct<type, message>``, null on success) — see ``timeline.spark.with_timeline``.
Needs ``pip install 'timeline-news[spark]'`` and Java 17.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from timeline.spark import with_timeline

META_SCHEMA = "reference STRING, tz STRING"


def articles(spark: SparkSession, folder: str) -> DataFrame:
    """One row per ``*.txt`` file: ``file``, ``text``, and the sidecar's ``reference``, ``tz``."""
    # keyword options: pyspark passes them as "true"; .option("wholetext", True) sends "True",
    # which Spark 4 ignores, giving one row per line.
    texts = (spark.read.text(folder, wholetext=True, pathGlobFilter="*.txt")
             .select(F.col("_metadata.file_name").alias("file"), F.col("value").alias("text")))
    metas = (spark.read.json(folder, schema=META_SCHEMA, multiLine=True, pathGlobFilter="*.meta.json")
             .select(F.regexp_replace(F.col("_metadata.file_name"), r"\.meta\.json$", ".txt").alias("file"),
                     "reference", "tz"))
    return texts.join(metas, "file", "left")


def timelines(spark: SparkSession, folder: str, *, reference: str | None = None,
              tz: str | None = None) -> DataFrame:
    """The articles of ``folder`` with their ``timeline`` and ``timeline_error`` columns."""
    return with_timeline(articles(spark, folder), "text", reference_col="reference", tz_col="tz",
                         reference=reference, tz=tz)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="folder of *.txt articles (optional <name>.meta.json sidecars)")
    parser.add_argument("out", help="Parquet output path (overwritten)")
    parser.add_argument("--reference", help="reference date for articles without a sidecar one")
    parser.add_argument("--tz", help="default zone for articles without a sidecar one")
    parser.add_argument("--master", default="local[*]", help="Spark master (default: local[*])")
    args = parser.parse_args(argv)
    # In local mode the Python workers must be this interpreter (the one with timeline installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master(args.master).appName("timeline-corpus")
             .config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        started = time.perf_counter()
        timelines(spark, args.folder, reference=args.reference, tz=args.tz) \
            .write.mode("overwrite").parquet(args.out)
        seconds = time.perf_counter() - started
        written = spark.read.parquet(args.out)
        summary = written.agg(F.count("*").alias("rows"), F.count("timeline_error").alias("errors"),
                              F.sum(F.length("text")).alias("chars")).first()
        print(f"{summary['rows']} articles ({summary['chars'] or 0} chars), {summary['errors']} errors, "
              f"{seconds:.1f} s -> {args.out}")
        for row in written.where(F.col("timeline_error").isNotNull()).select("file", "timeline_error") \
                .limit(10).collect():
            print(f"  {row['file']}: {row['timeline_error']['type']}: {row['timeline_error']['message']}")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
