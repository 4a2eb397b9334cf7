"""The examples in the docstrings run and give what they show; the public API has examples."""
import doctest
import importlib
import inspect
import pkgutil

import pytest

import timeline

MODULES = sorted(m.name for m in pkgutil.walk_packages(timeline.__path__, "timeline.")
                 if not m.name.endswith("__main__"))  # importing __main__ runs the CLI
# modules whose examples need an optional extra (all of them are in the test extra)
NEEDS = {"timeline.dataframe": ("pandas",), "timeline.ics": ("icalendar",),
         "timeline.plot": ("matplotlib",), "timeline.html": ("matplotlib",),
         "timeline.spacy_component": ("spacy",),
         "timeline.timeline": ("pandas", "icalendar", "matplotlib")}
EXPORTERS = ("timeline.dataframe", "timeline.ics", "timeline.plot", "timeline.html",
             "timeline.spacy_component")


@pytest.mark.parametrize("name", ["timeline", *MODULES])
def test_docstring_examples(name):
    for package in NEEDS.get(name, ()):
        pytest.importorskip(package, reason=f"{name}'s examples need {package}")
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
                             verbose=False, report=True)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def _public_callables():
    """timeline.__all__, the public methods of its classes, and the exporters' functions."""
    for name in timeline.__all__:
        item = getattr(timeline, name)
        yield f"timeline.{name}", item
        if inspect.isclass(item):
            for attr, member in vars(item).items():
                if not attr.startswith("_") and (inspect.isfunction(member) or isinstance(member, classmethod)):
                    yield f"timeline.{name}.{attr}", getattr(item, attr)
    for module_name in EXPORTERS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        for attr, member in vars(module).items():
            if (not attr.startswith("_") and inspect.isfunction(member)
                    and member.__module__ == module_name):
                yield f"{module_name}.{attr}", member


def test_every_public_function_has_an_example():
    missing = [name for name, item in _public_callables() if ">>>" not in (inspect.getdoc(item) or "")]
    assert missing == []
    assert len(list(_public_callables())) > 30
