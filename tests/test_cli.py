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
