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


class _UniqueKeys(yaml.SafeLoader):
    """A safe loader that refuses a key given twice in one mapping: YAML lets the
    second silently replace the first, and a group of triggers written twice
    under one name loses every word of the first."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"{key!r} given twice (lines {seen[key]} and {key_node.start_mark.line + 1})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


@pytest.mark.parametrize("name", YAML_FILES)
def test_no_key_is_given_twice(name: str) -> None:
    yaml.load(DATA.joinpath(name).read_text(encoding="utf-8"), Loader=_UniqueKeys)


def test_a_key_given_twice_is_caught() -> None:
    with pytest.raises(yaml.constructor.ConstructorError, match="given twice"):
        yaml.load("groups:\n  a: [x]\n  a: [y]\n", Loader=_UniqueKeys)
