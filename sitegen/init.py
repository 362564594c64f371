"""``sitegen init``: a new site folder that builds as it is.

It writes ``sitegen.toml`` (every setting, commented out at its default), one
sample article, a ``.gitignore`` and, on request, a GitHub Actions workflow
that builds the site and deploys it with GitHub's official Pages actions.
Existing files are never overwritten without ``--force``.
"""

from __future__ import annotations

import json
import shutil
import sys
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

WORKFLOW_PATH = ".github/workflows/pages.yml"
# A user site installs sitegen from its git repository: the name "sitegen" on
# PyPI belongs to an unrelated project. Replaced by the real URL when known.
PACKAGE_PLACEHOLDER = "git+https://github.com/OWNER/sitegen"

CONFIG = """\
# sitegen.toml: every setting, at its default. Uncomment a line to change it.

# languages = ["ar", "en"]     # the site's languages, each in its own folder
# default_language = "ar"      # where index.html leads
# arabic_locale = "ar_SY"      # Babel locale: ar_SY gives شباط/آذار, ar_EG فبراير/مارس
# arabic_digits = "latn"       # or "arab" for ٠١٢٣ on Arabic pages
# source = "seeds"             # the articles folder (.txt and .md)
# output = "output"            # the built site
# base_url = ""                # "https://user.github.io/repo/": feeds, sitemap, canonical
# cname = ""                   # custom domain written as CNAME by `sitegen publish`
# week_start = "sunday"        # "last week" = the previous Sunday–Saturday week
# overrides = "_overrides.yaml"  # corrections to incidents, inside the source folder
# review = "all"               # or "confirmed-only": publish only what an analyst confirmed
# reviewer = ""                # your name, written with each decision (sitegen serve --review)

# A table comes last in TOML: keys below it belong to it.
# [title]
# ar = "الخط الزمني للأحداث"
# en = "Incident timeline"
"""

SAMPLE_ARTICLE = (
    "---\n"
    "date: 2020-02-28\n"
    "title: مقتل ثلاثة مدنيين بقصف على سراقب\n"
    "source: مثال\n"
    "lang: ar\n"
    "---\n"
    # One paragraph is one line: sitegen quotes incidents by line.
    "قتل ثلاثة مدنيين وأصيب خمسة آخرون يوم الخميس جراء قصف مدفعي استهدف مدينة سراقب "
    "في ريف إدلب الشرقي، بحسب ما أفاد الدفاع المدني.\n"
)

GITIGNORE = """\
# sitegen: the built site, its build cache and leftovers of an interrupted build
output/
.output.*
.sitegen-cache/
"""

WORKFLOW = """\
# Build the site with sitegen and deploy it with GitHub's official Pages actions.
# Once: in the repository's Settings → Pages, set "Source" to "GitHub Actions".
name: Publish site

on:
  push:
    branches: [main]
  workflow_dispatch:

env:
  # What `pip install` installs to get sitegen: "." in sitegen's own repository,
  # else a git URL (git+https://github.com/OWNER/sitegen@TAG). Not just "sitegen":
  # that name on PyPI is an unrelated project.
  SITEGEN_PACKAGE: "@PACKAGE@"

permissions:
  contents: read
  pages: write
  id-token: write

# One deployment at a time; a newer push waits instead of cancelling one under way.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: python -m pip install "$SITEGEN_PACKAGE"
      - id: pages
        uses: actions/configure-pages@v5
      # Feeds, the sitemap and canonical links need the absolute URL; relative
      # links work anywhere. A base_url already in sitegen.toml is kept.
      - name: Set base_url from the Pages URL
        run: |
          python - "${{ steps.pages.outputs.base_url }}/" <<'PY'
          import pathlib, sys, tomllib
          path = pathlib.Path("sitegen.toml")
          text = path.read_text(encoding="utf-8") if path.exists() else ""
          if "base_url" not in tomllib.loads(text):
              path.write_text(f'base_url = "{sys.argv[1]}"\\n' + text, encoding="utf-8")
          PY
      - run: sitegen build
      - uses: actions/upload-pages-artifact@v3
        with:
          path: output  # the `output` setting of sitegen.toml

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""


@dataclass(frozen=True, slots=True)
class Scaffold:
    """The files ``init`` writes, relative to the site folder."""

    files: dict[str, str]
    package: str | None  # what the workflow installs; None without --github-actions


def scaffold(directory: Path, github_actions: bool = False) -> Scaffold:
    """A new site's files; in an existing site, ``--github-actions`` adds the workflow only."""
    files = {}
    if not (github_actions and is_site(directory)):
        files = {
            "sitegen.toml": CONFIG,
            "seeds/example.md": SAMPLE_ARTICLE,
            ".gitignore": GITIGNORE,
        }
    package = None
    if github_actions:
        package = sitegen_package(directory)
        files[WORKFLOW_PATH] = workflow(package)
    return Scaffold(files, package)


def is_site(directory: Path) -> bool:
    """A site is there already: its settings, or an articles folder."""
    return (directory / "sitegen.toml").is_file() or (directory / "seeds").is_dir()


def workflow(package: str) -> str:
    return WORKFLOW.replace("@PACKAGE@", package)


def sitegen_package(directory: Path) -> str:
    """'.' in sitegen's own repository, else where this sitegen came from, if a git URL."""
    if _is_sitegen_source(directory):
        return "."
    return _installed_from_git() or PACKAGE_PLACEHOLDER


def _is_sitegen_source(directory: Path) -> bool:
    try:
        project = tomllib.loads((directory / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False
    return bool(project.get("project", {}).get("name") == "sitegen")


def _installed_from_git() -> str | None:
    """The git URL pip installed sitegen from (PEP 610 direct_url.json), if any."""
    try:
        raw = metadata.distribution("sitegen").read_text("direct_url.json")
        info = json.loads(raw or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        return None
    vcs = info.get("vcs_info", {})
    if vcs.get("vcs") != "git" or not str(info.get("url", "")).startswith("https://"):
        return None
    commit = vcs.get("requested_revision") or vcs.get("commit_id")
    return f"git+{info['url']}" + (f"@{commit}" if commit else "")


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    backup: Path | None = None  # the user's file as it was, when --force replaced it


def write(directory: Path, plan: Scaffold, force: bool = False) -> list[Written]:
    """Write the files; refuse (writing nothing) if any exists with other content,
    unless ``force`` — and then the user's file is first copied to ``NAME.bak``."""
    targets = {directory / rel: text for rel, text in plan.files.items()}
    differ = [t for t, text in targets.items() if t.exists() and not _holds(t, text)]
    if differ and not force:
        names = ", ".join(str(t) for t in differ)
        raise FileExistsError(
            f"already there: {names} (use --force to replace; a copy is kept as .bak)"
        )
    out = []
    for target, text in targets.items():
        if target.exists() and _holds(target, text):
            continue
        backup = _backup(target) if target.exists() else None
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        out.append(Written(target, backup))
    return out


def _holds(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def _backup(path: Path) -> Path:
    """``NAME.bak`` — or ``NAME.bak.1``, ``.2``… so an older copy is never lost either."""
    backup = path.with_name(path.name + ".bak")
    n = 0
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.bak.{n}")
    shutil.copy2(path, backup)
    return backup


def command(directory: Path, github_actions: bool, force: bool, quiet: bool = False) -> int:
    """``sitegen init``: 0 when written, 1 when files would be overwritten."""
    plan = scaffold(directory, github_actions)
    try:
        written = write(directory, plan, force)
    except FileExistsError as exc:
        print(f"sitegen: {exc}", file=sys.stderr)
        return 1
    if quiet:
        return 0
    for done in written:
        if done.backup is not None:
            print(f"replaced {done.path}; your version is kept as {done.backup}")
        else:
            print(f"wrote {done.path}")
    if not written:
        print(f"nothing to write: {directory} already has these files as init writes them")
    if plan.package == PACKAGE_PLACEHOLDER:
        print(
            f"edit SITEGEN_PACKAGE in {directory / WORKFLOW_PATH}: "
            "the git URL of the sitegen to install",
            file=sys.stderr,
        )
    print(f"next: cd {directory} && sitegen build")
    return 0
