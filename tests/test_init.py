"""`sitegen init`: a scaffold that builds, documents every setting, never overwrites."""

from __future__ import annotations

import re
import sys
from dataclasses import fields, replace
from pathlib import Path

import pytest
import yaml

from sitegen import init
from sitegen.build import build
from sitegen.cli import main
from sitegen.config import Config, load_config

REPO = Path(__file__).resolve().parent.parent


def test_scaffold_builds_with_a_dated_incident(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path)]) == 0
    assert {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()} == {
        "sitegen.toml",
        "seeds/example.md",
        ".gitignore",
    }
    assert "output/" in (tmp_path / ".gitignore").read_text(encoding="utf-8")
    result = build(load_config(tmp_path), use_cache=False)
    assert result.analysis.errors == 0
    assert result.incidents >= 1 and result.undated == 0
    assert (tmp_path / "output" / "ar" / "index.html").is_file()


def test_the_config_lists_every_setting(tmp_path: Path) -> None:
    """Uncommenting every setting gives a valid config naming each field of Config."""
    setting = re.compile(r"^# (\[title\]|\w+ = .*)$")
    lines = [m[1] if (m := setting.match(line)) else line for line in init.CONFIG.splitlines()]
    (tmp_path / "sitegen.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert load_config(tmp_path) == replace(Config(), root=tmp_path.resolve())  # the defaults
    named = {line.split(" = ")[0] for line in lines if " = " in line and line[0] != "#"}
    expected = {f.name for f in fields(Config)} - {"root", "title_ar", "title_en"} | {"ar", "en"}
    assert named == expected


def test_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sitegen.toml").write_text('output = "site"\n', encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 1
    assert "already there" in capsys.readouterr().err
    assert (tmp_path / "sitegen.toml").read_text(encoding="utf-8") == 'output = "site"\n'
    assert not (tmp_path / "seeds").exists()  # nothing written at all
    assert main(["init", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "sitegen.toml").read_text(encoding="utf-8") == init.CONFIG
    # --force never destroys the user's file without a copy, and says so
    assert (tmp_path / "sitegen.toml.bak").read_text(encoding="utf-8") == 'output = "site"\n'
    assert "your version is kept as" in capsys.readouterr().out


def test_force_keeps_every_older_copy(tmp_path: Path) -> None:
    for version in ("one", "two"):
        (tmp_path / "sitegen.toml").write_text(f"# {version}\n", encoding="utf-8")
        assert main(["-q", "init", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "sitegen.toml.bak").read_text(encoding="utf-8") == "# one\n"
    assert (tmp_path / "sitegen.toml.bak.1").read_text(encoding="utf-8") == "# two\n"


def test_github_actions_in_an_existing_site_writes_the_workflow_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path)]) == 0
    config = 'base_url = "https://me.github.io/news/"\n'
    (tmp_path / "sitegen.toml").write_text(config, encoding="utf-8")
    (tmp_path / "seeds" / "example.md").write_text("---\ndate: 2020-01-01\n---\nمقالي\n")
    capsys.readouterr()
    assert main(["init", str(tmp_path), "--github-actions"]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / init.WORKFLOW_PATH).is_file()
    assert (tmp_path / "sitegen.toml").read_text(encoding="utf-8") == config
    assert "مقالي" in (tmp_path / "seeds" / "example.md").read_text(encoding="utf-8")
    assert not list(tmp_path.rglob("*.bak"))
    assert out.count("wrote ") == 1


def test_github_actions_workflow(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(tmp_path), "init", "--github-actions"]) == 0
    text = (tmp_path / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    flow = yaml.safe_load(text)
    assert flow["permissions"]["pages"] == "write"
    assert flow["permissions"]["id-token"] == "write"
    assert flow["concurrency"]["group"]
    assert flow["env"]["SITEGEN_PACKAGE"]  # one clear place to say what to install
    build_steps = flow["jobs"]["build"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in build_steps]
    for action in ("actions/checkout", "actions/setup-python", "actions/configure-pages"):
        assert action in uses
    upload = next(s for s in build_steps if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "output"
    runs = " ".join(s.get("run", "") for s in build_steps)
    assert 'pip install "$SITEGEN_PACKAGE"' in runs and "sitegen build" in runs
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_workflow_installs_from_the_checkout_in_sitegens_own_repository(tmp_path: Path) -> None:
    assert init.sitegen_package(REPO) == "."
    assert init.sitegen_package(tmp_path) != "sitegen"  # that PyPI name is another project


def test_this_repository_publishes_with_the_scaffolded_workflow() -> None:
    ours = (REPO / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    assert ours == init.workflow(".")


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("", "https://user.github.io/repo/"),
        (init.CONFIG, "https://user.github.io/repo/"),
        ('base_url = "https://example.org/"\n', "https://example.org/"),
    ],
)
def test_the_base_url_step_keeps_a_configured_base_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str, expected: str
) -> None:
    """The workflow's inline script adds the Pages URL unless sitegen.toml sets one."""
    flow = yaml.safe_load(init.workflow("."))
    step = next(s for s in flow["jobs"]["build"]["steps"] if "base_url" in s.get("name", ""))
    script = step["run"].split("<<'PY'\n", 1)[1].rsplit("PY", 1)[0]
    (tmp_path / "sitegen.toml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["-", "https://user.github.io/repo/"])
    exec(script, {"__name__": "__main__"})
    assert load_config(tmp_path).base_url == expected
