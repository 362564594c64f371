"""``sitegen publish``: a fresh build committed as the new tip of the pages branch.

The site is built into a temporary folder (never the user's ``output/``, so a
failed publish loses nothing) and committed with ghp-import — the library
MkDocs' ``gh-deploy`` uses — which writes the branch with ``git fast-import``:
the working tree, the index and the checked-out branch are never touched.

History is kept: the new commit's parent is the pages branch as this clone
last fetched it. If the remote branch has moved on since (someone published
from elsewhere), publishing refuses rather than replacing their site unseen;
``--force`` overwrites it. A ``CNAME`` already on the remote branch is kept,
so a custom domain set up in GitHub's settings survives every publish.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import ghp_import

from sitegen import __version__
from sitegen.build import BuildResult, build
from sitegen.config import Config
from sitegen.ids import History

REJECTED = (
    "the remote {branch} has commits this one does not: someone published from elsewhere; "
    "run `git fetch {remote}` and publish again, or use --force to overwrite"
)
# git@github.com:USER/REPO.git, ssh://git@github.com/USER/REPO, https://[TOKEN@]github.com/USER/REPO
_GITHUB = re.compile(
    r"^(?:git@github\.com:|ssh://git@github\.com/|https?://(?:[^@/]+@)?github\.com/)"
    r"(?P<user>[^/]+)/(?P<repo>[^/]+?)(?:\.git)?/?$"
)


# "Published GitHub Pages sites may be no larger than 1 GB" (GitHub's usage limits).
PAGES_LIMIT = 1_000_000_000


class PublishError(Exception):
    """A reason not to publish; the message says what to do."""


@dataclass(frozen=True, slots=True)
class Options:
    remote: str = "origin"
    branch: str = "gh-pages"
    message: str | None = None
    cname: str | None = None
    push: bool = True
    dry_run: bool = False
    force: bool = False


@dataclass(frozen=True, slots=True)
class Published:
    """What was (or, with --dry-run, would be) published."""

    files: int
    size: int  # bytes, .nojekyll and CNAME included
    branch: str
    remote: str
    remote_url: str | None
    url: str | None  # None: not a GitHub remote and no custom domain
    message: str
    cname: str | None
    commit: str | None  # the new pages commit; None for a dry run, or when nothing changed
    pushed: bool
    dry_run: bool
    unchanged: bool = False  # the branch already holds exactly this site: no commit made
    push: bool = True  # what was asked: the remote branch is the target, not only the local one


def github_pages_url(remote_url: str, cname: str | None = None) -> str | None:
    """Where GitHub Pages serves the site: the custom domain, else USER.github.io/REPO/."""
    if cname:
        return f"https://{cname.strip().strip('/')}/"
    m = _GITHUB.match(remote_url.strip())
    if not m:
        return None
    user, repo = m["user"].lower(), m["repo"]
    if repo.lower() == f"{user}.github.io":  # a user or organisation site serves at the root
        return f"https://{user}.github.io/"
    return f"https://{user}.github.io/{repo}/"


@dataclass(frozen=True, slots=True)
class _Target:
    """Everything settled before building: where to, on top of what, under which name."""

    repo: Path
    remote_url: str | None
    remote_tip: str | None  # the remote pages branch now; None when it does not exist
    cname: str | None
    message: str


class BuildFailed(PublishError):
    def __init__(self, result: BuildResult) -> None:
        errors = result.analysis.errors
        said = "1 error" if errors == 1 else f"{errors:,} errors"
        super().__init__(
            f"the build had {said}; nothing was published (`sitegen check` lists them)"
        )
        self.result = result


def publish(config: Config, options: Options) -> tuple[Published, BuildResult]:
    """Build, check, commit onto the pages branch and push (or only report, for a dry run)."""
    target = _target(config, options)
    with tempfile.TemporaryDirectory(prefix="sitegen-publish-") as tmp:
        site = Path(tmp) / "site"
        # A fresh production build: no cache, no preview script, not the user's output/.
        # The published site's incident ids are the ones to keep working as redirects.
        history = _published_history(target, options)
        result = build(replace(config, output=str(site)), use_cache=False, history=history)
        if result.analysis.errors:
            raise BuildFailed(result)
        files, size = _measure(site, target.cname)
        _check_size(size, github_pages_url(target.remote_url or "", target.cname))
        if not options.force:
            _check_shrink(target, options, result, site)
        commit = None if options.dry_run else _commit(target, site, options)
    unchanged = not options.dry_run and commit is None
    if commit and options.push:
        _push(target.repo, options, target.remote_tip)
    published = Published(
        files=files,
        size=size,
        branch=options.branch,
        remote=options.remote,
        remote_url=target.remote_url,
        url=github_pages_url(target.remote_url or "", target.cname),
        message=target.message,
        cname=target.cname,
        commit=commit,
        pushed=bool(commit) and options.push,
        dry_run=options.dry_run,
        unchanged=unchanged,
        push=options.push,
    )
    return published, result


def _published_history(target: _Target, options: Options) -> History:
    base = target.remote_tip or _base(target.repo, options)
    if base is None:
        return History({})

    def read(name: str) -> bytes | None:
        done = subprocess.run(
            ["git", "show", f"{base}:{name}"], cwd=target.repo, capture_output=True, check=False
        )
        return done.stdout if done.returncode == 0 else None

    return History.read(read)


def _check_shrink(target: _Target, options: Options, result: BuildResult, site: Path) -> None:
    """Refuse to replace the published site with an empty one, or one that lost most
    of its pages — a wrong source folder or a half-synced archive, more often than
    a wish; --force publishes it anyway."""
    if result.incidents == 0:
        raise PublishError(
            f"the site has no incidents ({result.articles} articles); nothing was published. "
            "Check the source folder, or use --force to publish it anyway"
        )
    base = target.remote_tip or _base(target.repo, options)
    if base is None:
        return
    listed = _git(target.repo, "ls-tree", "-r", "--name-only", base, check=False).stdout
    before = sum(name.endswith(".html") for name in listed.splitlines())
    now = sum(1 for _ in site.rglob("*.html"))
    if now * 2 < before:
        raise PublishError(
            f"the site has {now:,} pages, less than half the {before:,} on {options.branch} "
            "now; nothing was published. If articles were removed on purpose, use --force"
        )


def _target(config: Config, options: Options) -> _Target:
    repo = _toplevel(config.root)
    _refuse_checked_out(repo, options.branch)
    remote_url = _remote_url(repo, options.remote, required=options.push)
    remote_tip = _remote_tip(repo, options.remote, options.branch) if remote_url else None
    if remote_tip and options.push and not options.force:
        _refuse_diverged(repo, options, remote_tip)
    cname = _cname(repo, remote_tip, options.cname, config.cname)
    return _Target(repo, remote_url, remote_tip, cname, commit_message(repo, options.message))


def _git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, encoding="utf-8"
    )
    if check and done.returncode != 0:
        raise PublishError(f"git {' '.join(args)}: {done.stderr.strip() or 'failed'}")
    return done


def _toplevel(root: Path) -> Path:
    done = _git(root, "rev-parse", "--show-toplevel", check=False)
    if done.returncode != 0:
        raise PublishError(f"{root} is not in a git repository; publishing commits to one")
    return Path(done.stdout.strip())


def _refuse_checked_out(repo: Path, branch: str) -> None:
    # Committing under a checked-out branch would leave its working tree out of step.
    head = _git(repo, "symbolic-ref", "--quiet", "--short", "HEAD", check=False).stdout.strip()
    if head == branch:
        raise PublishError(f"'{branch}' is checked out; switch to your source branch first")


def _remote_url(repo: Path, remote: str, required: bool) -> str | None:
    done = _git(repo, "remote", "get-url", remote, check=False)
    if done.returncode == 0:
        return done.stdout.strip()
    if required:
        raise PublishError(f"no git remote named '{remote}' (add one, or use --no-push)")
    return None


def _remote_tip(repo: Path, remote: str, branch: str) -> str | None:
    """The remote branch's commit now, its objects fetched; no ref is moved.

    ``--refmap=`` and ``--no-write-fetch-head`` keep the remote-tracking branch
    where the user last fetched it: that is what the new commit builds on.
    """
    ls = _git(repo, "ls-remote", "--heads", remote, f"refs/heads/{branch}")
    if not ls.stdout.strip():
        return None
    tip = ls.stdout.split()[0]
    _git(repo, "fetch", "--quiet", "--no-write-fetch-head", "--refmap=", remote, tip)
    return tip


def _base(repo: Path, options: Options) -> str | None:
    """The new commit's parent as ghp-import picks it: remote-tracking branch, else local."""
    for ref in (f"refs/remotes/{options.remote}/{options.branch}", f"refs/heads/{options.branch}"):
        done = _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
        if done.returncode == 0:
            return done.stdout.strip()
    return None


def _refuse_diverged(repo: Path, options: Options, remote_tip: str) -> None:
    base = _base(repo, options)
    if base and _is_ancestor(repo, remote_tip, base):
        return
    raise PublishError(REJECTED.format(branch=options.branch, remote=options.remote))


def _is_ancestor(repo: Path, older: str, newer: str) -> bool:
    return _git(repo, "merge-base", "--is-ancestor", older, newer, check=False).returncode == 0


def _cname(repo: Path, remote_tip: str | None, given: str | None, configured: str) -> str | None:
    """The remote branch's CNAME wins (a domain set in GitHub's settings), then --cname, config."""
    if remote_tip:
        done = _git(repo, "show", f"{remote_tip}:CNAME", check=False)
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip()
    return (given or configured or "").strip() or None


def commit_message(repo: Path, message: str | None) -> str:
    """The message, with the source commit and sitegen version as trailers."""
    done = _git(repo, "rev-parse", "HEAD", check=False)
    sha = done.stdout.strip() if done.returncode == 0 else "none"
    dirty = bool(_git(repo, "status", "--porcelain", check=False).stdout.strip())
    source = f"{sha} (with uncommitted changes)" if dirty else sha
    subject = message or f"Publish site built from {sha[:12]}"
    return f"{subject}\n\nSource-commit: {source}\nSitegen-version: {__version__}"


def _measure(site: Path, cname: str | None) -> tuple[int, int]:
    sizes = [p.stat().st_size for p in site.rglob("*") if p.is_file()]
    extra = [0] + ([len(cname.encode()) + 1] if cname else [])  # .nojekyll, CNAME
    return len(sizes) + len(extra), sum(sizes) + sum(extra)


def _commit(target: _Target, site: Path, options: Options) -> str | None:
    """ghp-import's commit: on top of the remote-tracking branch, .nojekyll, CNAME.

    None when the commit would change nothing: the branch is put back as it was
    (ghp-import always commits; an unchanged site must not add one per publish)."""
    ref = f"refs/heads/{options.branch}"
    before = _git(target.repo, "rev-parse", "--verify", "--quiet", ref, check=False).stdout.strip()
    with _in_repo(target.repo):
        try:
            ghp_import.ghp_import(
                str(site),
                mesg=target.message,
                remote=options.remote,
                branch=options.branch,
                nojekyll=True,
                cname=target.cname,
                push=False,  # _push does it, so that a rejection can be explained
            )
        except ghp_import.GhpError as exc:
            raise PublishError(f"ghp-import: {exc.message}") from exc
        except TypeError as exc:  # ghp-import 2.1 reports a failed fast-import this way
            raise PublishError(f"ghp-import could not commit to '{options.branch}'") from exc
    tip = _git(target.repo, "rev-parse", "--verify", "--quiet", f"refs/heads/{options.branch}")
    commit = tip.stdout.strip()
    written = _git(target.repo, "log", "-1", "--format=%B", commit).stdout.strip()
    if written != target.message.strip():
        raise PublishError(f"ghp-import did not commit to '{options.branch}'")
    if _nothing_new(target, options, commit):
        if before:
            _git(target.repo, "update-ref", ref, before, commit)
        else:
            _git(target.repo, "update-ref", "-d", ref, commit)
        return None
    return commit


def _nothing_new(target: _Target, options: Options, commit: str) -> bool:
    """The commit's files are its parent's, and the parent is what the remote has
    (when pushing): publishing it would change nothing anywhere."""
    parent = _git(target.repo, "rev-parse", "--verify", "--quiet", f"{commit}^", check=False)
    if parent.returncode != 0:
        return False
    if options.push and parent.stdout.strip() != target.remote_tip:
        return False
    tree = _git(target.repo, "rev-parse", f"{commit}^{{tree}}").stdout.strip()
    return tree == _git(target.repo, "rev-parse", f"{commit}^^{{tree}}").stdout.strip()


@contextlib.contextmanager
def _in_repo(repo: Path) -> Iterator[None]:
    """ghp-import runs git in the current folder and needs a committer name."""
    saved = {k: os.environ.get(k) for k in ("GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL")}
    for key, fallback, setting in (
        ("GIT_COMMITTER_NAME", "sitegen", "user.name"),
        ("GIT_COMMITTER_EMAIL", "sitegen@localhost", "user.email"),
    ):
        if not saved[key] and not _git(repo, "config", setting, check=False).stdout.strip():
            os.environ[key] = fallback  # CI machines often have no git identity
    try:
        with contextlib.chdir(repo):
            yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _push(repo: Path, options: Options, remote_tip: str | None) -> None:
    ref = f"refs/heads/{options.branch}"
    args = ["push", "--porcelain", options.remote, f"{ref}:{ref}"]
    if options.force:
        # Overwrite exactly what we saw on the remote, not a publish that lands meanwhile.
        lease = f"{ref}:{remote_tip or ''}"  # empty: the branch must still not exist
        args.insert(1, f"--force-with-lease={lease}")
    done = _git(repo, *args, check=False)
    if done.returncode == 0:
        return
    output = done.stdout + done.stderr
    if "rejected" in output or "non-fast-forward" in output or "stale info" in output:
        raise PublishError(REJECTED.format(branch=options.branch, remote=options.remote))
    raise PublishError(f"git push: {done.stderr.strip() or 'failed'}")


def _check_size(size: int, url: str | None) -> None:
    """GitHub Pages does not deploy a site over its limit: refuse before committing
    one rather than leave a pages branch GitHub will not serve."""
    if url is not None and size > PAGES_LIMIT:
        raise PublishError(
            f"the site is {_size(size)}, over GitHub Pages' limit of 1 GB, so GitHub "
            "would not deploy it; nothing was published. Split the archive into smaller "
            "sites (by year or by region), or publish the output folder to a host without "
            "that limit"
        )


def command(config: Config, options: Options, quiet: bool = False) -> int:
    """``sitegen publish``: the report on stdout, problems on stderr; 0 or 1."""
    from sitegen.cli import counted, tally

    try:
        published, result = publish(config, options)
    except BuildFailed as exc:
        for d in exc.result.analysis.diagnostics:
            if d.severity == "error":
                print(d, file=sys.stderr)
        print(f"sitegen: {exc}", file=sys.stderr)
        return 1
    except PublishError as exc:
        print(f"sitegen: {exc}", file=sys.stderr)
        return 1
    if quiet:
        return 0
    a = result.analysis
    print(
        f"built {counted(result.articles, 'article')}, {counted(result.incidents, 'incident')}; "
        f"{tally(a.errors, a.warnings)}",
        file=sys.stderr,
    )
    print("\n".join(report(published)))
    return 0


def report(p: Published) -> list[str]:
    """What a user reads after publishing (stdout)."""
    where = p.url or (
        "the remote is not on GitHub and no CNAME is set: the URL depends on your host"
    )
    target = f"local branch {p.branch}"
    if p.remote_url and (p.pushed or p.dry_run):
        target = f"{p.remote}/{p.branch} ({p.remote_url})"
    if p.unchanged:
        if p.remote_url and p.push:
            target = f"{p.remote}/{p.branch} ({p.remote_url})"
        return [
            f"nothing changed: {target} already holds this site; no commit made",
            f"{'the site is at' if p.url else 'site URL:'} {where}",
        ]
    lines = [
        f"{'would publish' if p.dry_run else 'published'} {p.files:,} files "
        f"({_size(p.size)}) to {target}",
    ]
    if p.commit:
        lines.append(f"commit {p.commit[:12]} on {p.branch}")
    if p.cname:
        lines.append(f"custom domain (CNAME): {p.cname}")
    lines.append("commit message:")
    lines += [f"    {line}" if line else "" for line in p.message.splitlines()]
    lines.append(f"{'the site will appear at' if p.url else 'site URL:'} {where}")
    if p.dry_run:
        lines.append("dry run: nothing was committed or pushed")
    elif not p.pushed:
        lines.append(f"not pushed: run `git push {p.remote} {p.branch}` to publish")
    return lines


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KiB"
    if n < 1024**3:
        return f"{n / 1024 / 1024:.1f} MiB"
    return f"{n / 1024**3:.2f} GiB"
