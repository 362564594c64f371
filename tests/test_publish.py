"""`sitegen publish` against real git: a local bare repository is the remote."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sitegen import __version__
from sitegen import publish as publish_module
from sitegen.cli import main
from sitegen.publish import github_pages_url

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Two articles keep each publish (a fresh, uncached build) quick.
FEW = sorted(p.name for p in SEEDS.glob("*.txt"))[:2]


@pytest.fixture(autouse=True)
def git_identity(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A known identity, and none of the machine's git configuration."""
    empty = tmp_path / "gitconfig"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "test@example.org")


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    return bare


@pytest.fixture
def source(tmp_path: Path, remote: Path) -> Path:
    """A site repository on branch main, with `origin` pointing at the bare remote."""
    src = tmp_path / "src"
    (src / "seeds").mkdir(parents=True)
    for name in FEW:
        shutil.copy(SEEDS / name, src / "seeds" / name)
    git(tmp_path, "init", "-q", "-b", "main", str(src))
    git(src, "add", "-A")
    git(src, "commit", "-q", "-m", "Seed articles")
    git(src, "remote", "add", "origin", str(remote))
    return src


def publish(capsys: pytest.CaptureFixture[str], src: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(src), "publish", *args])
    out, err = capsys.readouterr()
    return code, out, err


def other_clone_pushes(tmp_path: Path, remote: Path, change: dict[str, str]) -> str:
    """Someone elsewhere commits to gh-pages and pushes; returns their commit."""
    other = tmp_path / f"other-{len(list(tmp_path.glob('other-*')))}"
    git(tmp_path, "clone", "-q", "--branch", "gh-pages", str(remote), str(other))
    for name, text in change.items():
        (other / name).write_text(text, encoding="utf-8")
    git(other, "add", "-A")
    git(other, "commit", "-q", "-m", "Published from elsewhere")
    git(other, "push", "-q", "origin", "gh-pages")
    return git(other, "rev-parse", "HEAD")


def refs(repo: Path) -> str:
    return git(repo, "for-each-ref", "--format=%(refname) %(objectname)")


def test_first_publish_creates_the_branch_with_the_site(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path
) -> None:
    code, out, err = publish(capsys, source)
    assert code == 0, err
    files = git(remote, "ls-tree", "-r", "--name-only", "gh-pages").splitlines()
    assert {".nojekyll", "index.html", "ar/index.html", "en/index.html"} <= set(files)
    assert "CNAME" not in files
    assert f"published {len(files)} files" in out
    assert git(remote, "rev-list", "--count", "gh-pages") == "1"
    assert not (source / "output").exists()  # built in a temporary folder


def test_second_publish_keeps_the_first_in_history(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path
) -> None:
    assert publish(capsys, source)[0] == 0
    first = git(remote, "rev-parse", "gh-pages")
    third = sorted(p.name for p in SEEDS.glob("*.txt"))[2]
    shutil.copy(SEEDS / third, source / "seeds" / third)
    assert publish(capsys, source)[0] == 0
    assert git(remote, "rev-list", "--count", "gh-pages") == "2"
    assert git(remote, "rev-parse", "gh-pages^") == first


def test_publishing_an_unchanged_site_makes_no_commit(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path
) -> None:
    assert publish(capsys, source)[0] == 0
    before = refs(source), refs(remote)
    code, out, _ = publish(capsys, source, "--message", "Again")
    assert code == 0
    assert out.startswith("nothing changed: origin/gh-pages")
    assert (refs(source), refs(remote)) == before
    assert git(remote, "rev-list", "--count", "gh-pages") == "1"


def test_refuses_to_publish_a_site_with_no_incidents(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path
) -> None:
    for path in (source / "seeds").iterdir():
        path.write_text("---\ndate: 2020-01-01\n---\nمقال بلا أحداث.\n", encoding="utf-8")
    code, _, err = publish(capsys, source)
    assert code == 1
    assert "the site has no incidents" in err and "--force" in err
    assert git(remote, "for-each-ref") == ""
    assert publish(capsys, source, "--force")[0] == 0


def test_refuses_to_replace_a_site_with_one_of_less_than_half_its_pages(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path
) -> None:
    for name in sorted(p.name for p in SEEDS.glob("*.txt")):
        shutil.copy(SEEDS / name, source / "seeds" / name)
    assert publish(capsys, source)[0] == 0
    published = refs(remote)
    for path in sorted((source / "seeds").iterdir())[1:]:
        path.unlink()
    code, _, err = publish(capsys, source)
    assert code == 1
    assert "less than half the" in err and "on gh-pages now; nothing was published" in err
    assert refs(remote) == published
    code, _, err = publish(capsys, source, "--dry-run")
    assert code == 1 and "less than half" in err
    assert publish(capsys, source, "--force")[0] == 0
    assert refs(remote) != published


def test_commit_message_names_the_source_commit_and_version(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path
) -> None:
    sha = git(source, "rev-parse", "HEAD")
    assert publish(capsys, source, "--message", "New articles")[0] == 0
    message = git(remote, "log", "-1", "--format=%B", "gh-pages")
    assert message.startswith("New articles")
    assert f"Source-commit: {sha}" in message
    assert f"Sitegen-version: {__version__}" in message


def test_cname_survives_a_second_publish(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path
) -> None:
    assert publish(capsys, source, "--cname", "timeline.example.org")[0] == 0
    third = sorted(p.name for p in SEEDS.glob("*.txt"))[2]
    shutil.copy(SEEDS / third, source / "seeds" / third)
    code, out, _ = publish(capsys, source)
    assert code == 0
    assert git(remote, "rev-list", "--count", "gh-pages") == "2"
    assert git(remote, "show", "gh-pages:CNAME") == "timeline.example.org"
    assert "https://timeline.example.org/" in out


def test_a_cname_set_on_the_remote_wins(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path, tmp_path: Path
) -> None:
    """A domain set in GitHub's settings is a commit adding CNAME to the pages branch."""
    assert publish(capsys, source)[0] == 0
    other_clone_pushes(tmp_path, remote, {"CNAME": "news.example.org\n"})
    git(source, "fetch", "-q", "origin")
    (source / "sitegen.toml").write_text('cname = "config.example.org"\n', encoding="utf-8")
    assert publish(capsys, source, "--cname", "flag.example.org")[0] == 0
    assert git(remote, "show", "gh-pages:CNAME") == "news.example.org"


def test_cname_from_the_config_when_none_exists(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path
) -> None:
    (source / "sitegen.toml").write_text('cname = "config.example.org"\n', encoding="utf-8")
    assert publish(capsys, source)[0] == 0
    assert git(remote, "show", "gh-pages:CNAME") == "config.example.org"


@pytest.mark.parametrize("published_before", [False, True])
def test_dry_run_changes_nothing(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path, published_before: bool
) -> None:
    if published_before:
        assert publish(capsys, source)[0] == 0
    before = refs(source), refs(remote)
    code, out, _ = publish(capsys, source, "--dry-run")
    assert code == 0
    assert (refs(source), refs(remote)) == before
    assert "would publish" in out and "origin/gh-pages" in out and str(remote) in out
    assert git(source, "rev-parse", "HEAD") in out  # the commit message
    assert "nothing was committed or pushed" in out


def test_a_diverged_remote_is_not_overwritten_without_force(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path, tmp_path: Path
) -> None:
    assert publish(capsys, source)[0] == 0
    theirs = other_clone_pushes(tmp_path, remote, {"theirs.html": "elsewhere"})
    code, _, err = publish(capsys, source)
    assert code == 1
    assert "someone published from elsewhere" in err and "--force" in err
    assert git(remote, "rev-parse", "gh-pages") == theirs

    code, _, err = publish(capsys, source, "--force")
    assert code == 0, err
    tip = git(remote, "rev-parse", "gh-pages")
    assert tip != theirs
    assert git(remote, "rev-list", "--count", "gh-pages") == "2"  # theirs was replaced
    assert "theirs.html" not in git(remote, "ls-tree", "--name-only", "gh-pages")


def test_after_a_fetch_publishing_builds_on_their_commit(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path, tmp_path: Path
) -> None:
    """What the refusal tells the user to do works, and keeps their publish in history."""
    assert publish(capsys, source)[0] == 0
    theirs = other_clone_pushes(tmp_path, remote, {"theirs.html": "elsewhere"})
    assert publish(capsys, source)[0] == 1
    git(source, "fetch", "-q", "origin")
    assert publish(capsys, source)[0] == 0
    assert git(remote, "rev-parse", "gh-pages^") == theirs


def test_source_branch_and_working_tree_are_untouched(
    capsys: pytest.CaptureFixture[str], source: Path
) -> None:
    (source / "seeds" / FEW[0]).write_text("تعديل لم يحفظ بعد\n", encoding="utf-8")
    (source / "notes.txt").write_text("untracked\n", encoding="utf-8")
    git(source, "add", "notes.txt")
    before = [
        git(source, "symbolic-ref", "HEAD"),
        git(source, "rev-parse", "HEAD"),
        git(source, "status", "--porcelain"),
        git(source, "write-tree"),  # the index
    ]
    code, out, err = publish(capsys, source)
    assert code == 0, err
    after = [
        git(source, "symbolic-ref", "HEAD"),
        git(source, "rev-parse", "HEAD"),
        git(source, "status", "--porcelain"),
        git(source, "write-tree"),
    ]
    assert after == before
    assert "(with uncommitted changes)" in out


def test_no_push_commits_only_to_the_local_branch(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path
) -> None:
    code, out, _ = publish(capsys, source, "--no-push")
    assert code == 0
    assert git(source, "rev-list", "--count", "gh-pages") == "1"
    assert git(remote, "for-each-ref") == ""
    assert "not pushed" in out


def test_refuses_a_build_with_errors(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path
) -> None:
    (source / "seeds" / "broken.md").write_text("---\ndate: 2020-01-01\nno end\n", encoding="utf-8")
    code, _, err = publish(capsys, source)
    assert code == 1
    assert "the build had 1 error; nothing was published" in err and "broken.md" in err
    assert git(remote, "for-each-ref") == ""
    assert git(source, "for-each-ref", "refs/heads/gh-pages") == ""


def test_refuses_without_the_remote(capsys: pytest.CaptureFixture[str], source: Path) -> None:
    code, _, err = publish(capsys, source, "--remote", "nowhere")
    assert code == 1
    assert "no git remote named 'nowhere'" in err


def test_refuses_outside_a_git_repository(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    code, _, err = publish(capsys, plain)
    assert code == 1
    assert "not in a git repository" in err


@pytest.mark.parametrize(
    ("remote_url", "cname", "url"),
    [
        ("git@github.com:User/arabic-news.git", None, "https://user.github.io/arabic-news/"),
        ("git@github.com:user/arabic-news", None, "https://user.github.io/arabic-news/"),
        ("ssh://git@github.com/user/arabic-news.git", None, "https://user.github.io/arabic-news/"),
        ("https://github.com/user/arabic-news.git", None, "https://user.github.io/arabic-news/"),
        ("https://github.com/user/arabic-news", None, "https://user.github.io/arabic-news/"),
        ("https://x-access-token:abc@github.com/org/site.git", None, "https://org.github.io/site/"),
        ("git@github.com:user/user.github.io.git", None, "https://user.github.io/"),
        ("git@github.com:user/arabic-news.git", "news.example.org", "https://news.example.org/"),
        ("/srv/git/site.git", "news.example.org", "https://news.example.org/"),
        ("git@gitlab.com:user/arabic-news.git", None, None),
        ("/srv/git/site.git", None, None),
        ("", None, None),
    ],
)
def test_pages_url(remote_url: str, cname: str | None, url: str | None) -> None:
    assert github_pages_url(remote_url, cname) == url


def test_force_on_a_first_publish(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path
) -> None:
    code, _, err = publish(capsys, source, "--force")
    assert code == 0, err
    assert git(remote, "rev-list", "--count", "gh-pages") == "1"


def test_refuses_while_the_pages_branch_is_checked_out(
    capsys: pytest.CaptureFixture[str], source: Path
) -> None:
    git(source, "checkout", "-q", "-b", "gh-pages")
    code, _, err = publish(capsys, source)
    assert code == 1
    assert "'gh-pages' is checked out" in err


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_site_over_the_pages_limit_is_not_published(
    capsys: pytest.CaptureFixture[str],
    source: Path,
    remote: Path,
    monkeypatch: pytest.MonkeyPatch,
    dry_run: bool,
) -> None:
    monkeypatch.setattr(publish_module, "PAGES_LIMIT", 10_000)  # the seed site is larger
    more = ["--dry-run"] if dry_run else []
    code, _, err = publish(capsys, source, "--cname", "timeline.example.org", *more)
    assert code == 1
    assert "over GitHub Pages' limit of 1 GB" in err and "nothing was published" in err
    assert git(remote, "for-each-ref") == ""
    assert git(source, "for-each-ref", "refs/heads/gh-pages") == ""
    # a remote that is not GitHub Pages (no github.com URL, no custom domain): no such limit
    assert publish(capsys, source, *more)[0] == 0


def test_an_incident_whose_id_changed_keeps_its_published_address(
    capsys: pytest.CaptureFixture[str], source: Path, remote: Path
) -> None:
    """publish builds afresh (no output folder, no cache): the published branch is
    what tells it which ids the world links to. An incident's address is its day
    page and its id as anchor; the old anchor stays on the card."""
    assert publish(capsys, source)[0] == 0
    incidents = git(remote, "show", "gh-pages:incidents.json")
    old = next(json.loads(line)["id"] for line in incidents.splitlines() if "-balyun" in line)
    path = source / "seeds" / "001_a1a39c06a4cbffd7.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("بيلون", "كنصفرة"), encoding="utf-8")
    assert publish(capsys, source)[0] == 0
    now = git(remote, "show", "gh-pages:incidents.json")
    record = next(json.loads(line) for line in now.splitlines() if "-kansafra" in line)
    page = record["url"].split("#")[0]
    assert page.startswith("en/months/")
    html = git(remote, "show", f"gh-pages:{page}")
    assert f'id="{old}"' in html and f'id="{record["id"]}"' in html
    assert (
        json.loads(git(remote, "show", "gh-pages:redirects.json"))["anchors"][old] == record["id"]
    )
