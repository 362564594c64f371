"""The data files read the same with libyaml's loader as with PyYAML's own.

``lexicon.load_yaml`` uses ``yaml.CSafeLoader`` when PyYAML has it, for speed;
the extraction must not depend on which loader a machine happens to have.
"""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from sitegen.extract import lexicon

DATA = resources.files("sitegen").joinpath("data")
YAML_FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".yaml"))


@pytest.mark.parametrize("name", YAML_FILES)
def test_loaders_agree(name: str) -> None:
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    pure = yaml.load(text, Loader=yaml.SafeLoader)
    assert repr(lexicon.load_yaml(name)) == repr(pure)  # same values, same key order


def test_loader_is_a_safe_one() -> None:
    assert lexicon._LOADER in (getattr(yaml, "CSafeLoader", None), yaml.SafeLoader)
