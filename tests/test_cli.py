import json
import subprocess
import sys

from timeline.cli import main


def test_table_json_and_stdin(tmp_path, capsys, monkeypatch, example_text):
    article = tmp_path / "a.txt"
    article.write_text(example_text)
    assert main(["extract", str(article), "--reference", "2023-05-24", "--tz", "America/New_York"]) == 0
    assert "2023-05-24T17:55-04:00" in capsys.readouterr().out
    assert main(["extract", str(article), "--reference", "2023-05-24", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["events"]
    import io
    monkeypatch.setattr(sys, "stdin", io.StringIO("The vote closed at 8 p.m."))
    assert main(["extract", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["mentions"][0]["value"].endswith("T20:00")


def test_errors_are_one_line_without_traceback(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok \xff\xfe bad")
    for args, needle in [([str(bad)], "byte at offset 3"), ([str(tmp_path / "missing.txt")], "No such file"),
                         ([str(bad), "--tz", "Nowhere/Land"], "")]:
        run = subprocess.run([sys.executable, "-m", "timeline", "extract", *args], capture_output=True, text=True)
        assert run.returncode == 2
        assert "Traceback" not in run.stderr and needle in run.stderr
        assert run.stderr.count("\n") == 1


# ---------------------------------------------------------------- batch mode: several files, --jobs

def _batch_files(tmp_path, example_text):
    files = {
        "a.txt": example_text.encode(),
        "b.txt": b"At 6 p.m. the servers failed. After 21 minutes the stream stopped.",
        "bad.txt": b"ok \xff\xfe bad",
        "c.txt": b"On Friday at noon EDT the polls closed.",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return [str(tmp_path / name) for name in ("a.txt", "missing.txt", "b.txt", "bad.txt", "c.txt")]


def test_batch_writes_one_json_line_per_file_in_order_with_error_objects(tmp_path, capsys, example_text,
                                                                         schema):
    import jsonschema

    from timeline import Timeline, extract
    paths = _batch_files(tmp_path, example_text)
    code = main(["extract", *paths, "--jobs", "2", "--reference", "2023-05-24", "--tz", "America/New_York"])
    out = capsys.readouterr().out
    assert code == 1  # some files failed
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["file"] for line in lines] == paths
    assert [sorted(line) for line in lines] == [["file", "timeline"], ["error", "file"], ["file", "timeline"],
                                               ["error", "file"], ["file", "timeline"]]
    assert lines[1]["error"]["type"] == "FileNotFoundError" and "No such file" in lines[1]["error"]["message"]
    assert lines[3]["error"] == {"type": "ValueError",
                                 "message": f"{paths[3]}: not UTF-8 text (bad byte at offset 3)"}
    for line, path in zip(lines, paths):
        if "timeline" in line:
            jsonschema.validate(line["timeline"], schema)
            expected = extract(open(path, encoding="utf-8").read(), reference="2023-05-24", tz="America/New_York")
            assert Timeline.from_dict(line["timeline"]) == expected


def test_batch_exit_status_is_zero_when_every_file_succeeds(tmp_path, capsys, example_text):
    paths = _batch_files(tmp_path, example_text)
    good = [paths[0], paths[2], paths[4]]
    assert main(["extract", *good]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    # --jobs alone (one file, one process) and --format jsonl also give JSON Lines
    for args in (["--jobs", "1"], ["--format", "jsonl"]):
        assert main(["extract", paths[2], *args]) == 0
        (line,) = capsys.readouterr().out.splitlines()
        assert json.loads(line)["file"] == paths[2]


def test_batch_reads_standard_input_once(tmp_path, capsys, monkeypatch, example_text):
    import io
    paths = _batch_files(tmp_path, example_text)
    monkeypatch.setattr(sys, "stdin", io.StringIO("The vote closed at 8 p.m."))
    assert main(["extract", "-", paths[2], "--jobs", "2"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0]["file"] == "-" and lines[0]["timeline"]["mentions"][0]["value"].endswith("T20:00")


def test_batch_call_errors_are_one_line_exit_2_and_write_nothing(tmp_path, example_text):
    paths = _batch_files(tmp_path, example_text)
    for args, needle in [([paths[0], paths[2], "--tz", "Nowhere/Land"], "Nowhere/Land"),
                         ([paths[0], paths[2], "--reference", "someday"], "someday"),
                         ([paths[0], paths[2], "--format", "table"], "--format table"),
                         ([paths[0], "--jobs", "0"], "--jobs"),
                         (["-", "-"], "standard input")]:
        run = subprocess.run([sys.executable, "-m", "timeline", "extract", *args], capture_output=True,
                             text=True, input="")
        assert run.returncode == 2, args
        assert run.stdout == ""
        assert "Traceback" not in run.stderr and needle in run.stderr
        assert run.stderr.count("\n") == 1


def test_batch_progress_on_stderr_only_when_asked_or_on_a_terminal(tmp_path, example_text):
    paths = _batch_files(tmp_path, example_text)
    good = [paths[0], paths[2], paths[4]]
    quiet = subprocess.run([sys.executable, "-m", "timeline", "extract", *good, "--jobs", "2"],
                           capture_output=True, text=True)
    assert quiet.returncode == 0 and quiet.stderr == ""  # stderr is a pipe here, not a terminal
    shown = subprocess.run([sys.executable, "-m", "timeline", "extract", *good, "--jobs", "2", "--progress"],
                           capture_output=True, text=True)
    assert shown.returncode == 0 and "3/3" in shown.stderr
    assert len(shown.stdout.splitlines()) == 3


def test_batch_progress_without_tqdm_is_a_one_line_error_naming_the_extra(tmp_path, capsys, monkeypatch,
                                                                          example_text):
    paths = _batch_files(tmp_path, example_text)
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now raises ImportError
    assert main(["extract", paths[0], paths[2], "--progress"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "timeline-news[batch]" in captured.err
    assert main(["extract", paths[0], paths[2], "--no-progress", "--jobs", "1"]) == 0
