"""The spaCy "timeline" component on spacy.blank("en") (no model download)."""
import subprocess
import sys

import pytest

import timeline

spacy = pytest.importorskip("spacy", reason="the spacy extra is not installed")
from spacy.tokens import Doc, DocBin  # noqa: E402

import timeline.spacy_component  # noqa: E402,F401  (registers the factory and extensions)

TEXT = ("At 5:55 p.m. (11:55 p.m. Paris time), Elon Musk shared the link. After 21 minutes "
        "he stopped, and it rained every Monday in 2019.")


@pytest.fixture
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("timeline", config={"reference": "2023-05-24", "tz": "America/New_York"})
    return nlp


def test_spans_match_the_mentions_with_labels_and_values(nlp):
    doc = nlp(TEXT)
    expected = timeline.extract(TEXT, reference="2023-05-24", tz="America/New_York")
    spans = list(doc.spans["timeline"])
    assert len(spans) == len(expected.mentions) >= 5
    for span, mention in zip(spans, expected.mentions):
        assert span.text == mention.text
        assert span.label_ == mention.type
        assert span._.timex["value"] == mention.value
        assert span._.timex["start"] == (mention.start.isoformat() if mention.start else None)
        assert span._.timex["char_span"] == mention.span
    labels = {span.label_ for span in spans}
    assert {"TIME", "DURATION", "SET", "DATE"} <= labels


def test_doc_carries_the_timeline_and_spans_name_their_event(nlp):
    doc = nlp(TEXT)
    tl = doc._.timeline
    assert isinstance(tl, timeline.Timeline)
    assert tl == timeline.extract(TEXT, reference="2023-05-24", tz="America/New_York")
    events = {e.id for e in tl}
    dated = [span for span in doc.spans["timeline"] if span._.timex["event"]]
    assert dated and all(span._.timex["event"] in events for span in dated)


def test_reference_from_user_data_overrides_config(nlp):
    doc = nlp.make_doc("The vote closed at 8 p.m. on Tuesday.")
    doc.user_data["reference"] = "2024-11-07"
    doc.user_data["tz"] = "America/Chicago"
    doc = nlp(doc)
    (span,) = doc.spans["timeline"]
    assert span._.timex["start"] == "2024-11-05T20:00:00-06:00"
    assert doc._.timeline.timezone == "America/Chicago"


def test_without_a_reference_the_date_stays_unresolved():
    nlp = spacy.blank("en")
    nlp.add_pipe("timeline")
    doc = nlp("He left on Tuesday.")
    (span,) = doc.spans["timeline"]
    assert span._.timex["start"] is None and span._.timex["unresolved"]


def test_spans_align_to_tokens_and_survive_serialization(nlp):
    doc = nlp("Lift-off was at 9:32a.m.EDT today.")
    for span in doc.spans["timeline"]:
        start, end = span._.timex["char_span"]
        assert span.start_char <= start and end <= span.end_char
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [s.text for s in restored.spans["timeline"]] == [s.text for s in doc.spans["timeline"]]
    assert restored._.timeline == doc._.timeline
    docs = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))
    assert docs[0].spans["timeline"][0]._.timex == doc.spans["timeline"][0]._.timex


def test_custom_spans_key_and_pipe(nlp):
    other = spacy.blank("en")
    other.add_pipe("timeline", config={"tz": "UTC", "spans_key": "times"})
    docs = list(other.pipe(["At 6 p.m. it failed.", "Nothing happened."]))
    assert [len(d.spans["times"]) for d in docs] == [1, 0]
    assert "timeline" not in docs[0].spans


def test_factory_is_found_through_the_entry_point_without_importing_the_module(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")  # a saved pipeline loads in a fresh process
    code = ("import sys, spacy; nlp = spacy.blank('en'); nlp.add_pipe('timeline', config={'tz': 'UTC'});"
            "doc = nlp('At 6 p.m. it failed.'); print(doc.spans['timeline'][0].label_);"
            "saved = spacy.load(sys.argv[1]); doc = saved('At 6 p.m. it failed.');"
            "print(doc.spans['timeline'][0]._.timex['start'])")
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path / "pipeline")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["TIME", "2023-05-24T18:00:00-04:00"]


def test_missing_spacy_names_the_extra(monkeypatch):
    import importlib

    for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.delitem(sys.modules, "timeline.spacy_component")
    with pytest.raises(ImportError, match=r"timeline-news\[spacy\]"):
        importlib.import_module("timeline.spacy_component")
