"""The command line: build, extract, check (serve and publish wrap build)."""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import logging
import sys
import time
import traceback
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import jinja2

from sitegen import __version__
from sitegen.build import Analysis, analyse, build
from sitegen.config import Config, ConfigError, load_config
from sitegen.model import Diagnostic, Incident
from sitegen.read import SourceError, discover

EXIT_OK, EXIT_ATTENTION, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    with _debug_log(args.debug):
        return _run(args)


@contextlib.contextmanager
def _debug_log(debug: bool) -> Iterator[None]:
    """With --debug, what sitegen caught and reported is also logged with its
    traceback (worker processes, forked, inherit the handler)."""
    if not debug:
        yield
        return
    log, handler = logging.getLogger("sitegen"), _Stderr()
    saved = log.level
    log.addHandler(handler)
    log.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.setLevel(saved)


class _Stderr(logging.Handler):
    """Writes to ``sys.stderr`` as it is when a record comes, not when made."""

    def emit(self, record: logging.LogRecord) -> None:
        print(self.format(record), file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.run(args))
    except (ConfigError, SourceError) as exc:
        print(f"sitegen: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except jinja2.TemplateError as exc:
        print(f"sitegen: {_template_error(exc)}", file=sys.stderr)
        print("sitegen: the build stopped; the previous output is unchanged", file=sys.stderr)
        return EXIT_ATTENTION
    except KeyboardInterrupt:
        print("sitegen: interrupted; the previous output is unchanged", file=sys.stderr)
        return 130
    except OSError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"sitegen: {_os_error(exc)}", file=sys.stderr)
        if args.command == "build":
            print("sitegen: the build stopped; the previous output is unchanged", file=sys.stderr)
        return EXIT_ATTENTION
    except Exception as exc:  # a bug: say so plainly, keep the traceback for --debug
        if args.debug:
            raise
        print(f"sitegen: internal error: {exc!r} (run with --debug for details)", file=sys.stderr)
        return EXIT_INTERNAL


def _os_error(exc: OSError) -> str:
    """ "path: reason" (disk full, permission denied…), without Python's "[Errno 28]"."""
    if exc.strerror and exc.filename:
        return f"{exc.filename}: {exc.strerror}"
    return exc.strerror or str(exc)


def _template_error(exc: jinja2.TemplateError) -> str:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"{exc.filename or exc.name}:{exc.lineno}: template error: {exc.message}"
    return f"template error: {exc}"


def _common(parser: argparse.ArgumentParser, default: object) -> None:
    """Options every command takes, before or after its name. After it they default
    to SUPPRESS, so that leaving them out keeps what was given before it."""

    def flag(value: bool) -> object:
        return argparse.SUPPRESS if default is argparse.SUPPRESS else value

    parser.add_argument(
        "--root",
        type=Path,
        default=argparse.SUPPRESS if default is argparse.SUPPRESS else Path("."),
        help="the site folder (default: .)",
    )
    parser.add_argument("--debug", action="store_true", default=flag(False), help="show tracebacks")
    parser.add_argument(
        "--quiet", "-q", action="store_true", default=flag(False), help="print only errors"
    )


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sitegen", description="Static timeline sites from Arabic news."
    )
    p.add_argument("--version", action="version", version=f"sitegen {__version__}")
    _common(p, None)
    common = argparse.ArgumentParser(add_help=False)
    _common(common, argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", parser_class=_sub_parser(common))

    b = sub.add_parser("build", help="read, extract, build the timeline, render, write")
    b.add_argument("--source", help="articles folder (default: seeds)")
    b.add_argument("--output", help="output folder (default: output)")
    b.add_argument("--no-cache", action="store_true", help="extract every article again")
    b.set_defaults(run=cmd_build)

    e = sub.add_parser("extract", help="print the incidents found in articles")
    e.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the source)")
    e.add_argument("--format", choices=("jsonl", "json", "csv"), default="jsonl")
    e.set_defaults(run=cmd_extract)

    c = sub.add_parser("check", help="list what a user should fix, as path:line: message")
    c.add_argument("--source", help="articles folder (default: seeds)")
    c.add_argument(
        "--review", action="store_true", help="list every incident left to review, not the first"
    )
    c.set_defaults(run=cmd_check)

    s = sub.add_parser(
        "serve", help="build in memory, serve on 127.0.0.1, rebuild and reload on change"
    )
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    s.add_argument("--port", type=int, help="port (default: 8000, or the next free one)")
    s.add_argument("--open", action="store_true", help="open the site in a web browser")
    s.add_argument(
        "--write",
        action="store_true",
        help="build into the output folder and serve that (default: the site stays in memory)",
    )
    s.add_argument(
        "--review",
        action="store_true",
        help="controls on every incident to confirm, reject, merge or correct it; "
        "each decision is written to the overrides file",
    )
    s.set_defaults(run=cmd_serve)
    _add_publish_and_init(sub)  # publish, init
    return p


def _sub_parser(common: argparse.ArgumentParser) -> type[argparse.ArgumentParser]:
    class Sub(argparse.ArgumentParser):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, parents=[common], **kwargs)  # type: ignore[misc, arg-type]

    return Sub


def _config(args: argparse.Namespace) -> Config:
    return load_config(
        args.root, source=getattr(args, "source", None), output=getattr(args, "output", None)
    )


def cmd_build(args: argparse.Namespace) -> int:
    config = _config(args)
    progress = _progress_printer() if sys.stderr.isatty() and not args.quiet else _no_progress
    result = build(config, progress, use_cache=not args.no_cache)
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr)
    a = result.analysis
    shown = ("error",) if args.quiet else ("error", "warning")
    _print_diagnostics(d for d in a.diagnostics if d.severity in shown)
    if not args.quiet:
        print(
            f"built {counted(result.articles, 'article')}, {counted(result.incidents, 'incident')} "
            f"({result.undated} undated), {counted(result.pages, 'file')} "
            f"({result.written} changed); {tally(a.errors, a.warnings)}; {result.seconds:.2f}s",
            file=sys.stderr,
        )
        print(f"open {config.output_dir / 'index.html'}", file=sys.stderr)
    return EXIT_ATTENTION if a.errors else EXIT_OK


def counted(n: int, noun: str) -> str:
    """ "1 incident", "2 incidents", "0 errors"."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def tally(errors: int, warnings: int) -> str:
    return f"{counted(errors, 'error')}, {counted(warnings, 'warning')}"


def _progress_printer():  # type: ignore[no-untyped-def]
    # The build reports every file (290,000 at 10,000 articles); a terminal
    # needs ten lines a second, not a flushed write per file.
    shown_at, shown_stage = 0.0, ""

    def show(stage: str, done: int, total: int) -> None:
        nonlocal shown_at, shown_stage
        now = time.monotonic()
        if stage == shown_stage and now - shown_at < 0.1 and done != total:
            return
        shown_at, shown_stage = now, stage
        of = f"/{total}" if total else ""
        print(f"\r\033[K{stage} {done}{of}", end="", file=sys.stderr, flush=True)

    return show


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def cmd_extract(args: argparse.Namespace) -> int:
    config = _config(args)
    analysis = analyse(config, paths=_expand(args.paths) if args.paths else None)
    _print_diagnostics(d for d in analysis.diagnostics if d.severity == "error")
    incidents = [i for x in analysis.extractions for i in x.incidents]
    sys.stdout.write(format_incidents(incidents, args.format))
    return EXIT_ATTENTION if analysis.errors else EXIT_OK


def _expand(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out.extend(discover(p) if p.is_dir() else [p])
    return out


def format_incidents(incidents: list[Incident], fmt: str) -> str:
    rows = [i.as_json() for i in incidents]
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    return _csv(incidents)


CSV_COLUMNS = (
    "id", "date_start", "date_end", "precision", "date_text", "date_basis", "type", "places",
    "actors", "reported_by", "killed", "wounded", "displaced", "approximate", "file", "line",
    "quote", "summary_en",
)  # fmt: skip


def _csv(incidents: list[Incident]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for i in incidents:
        d, c, s = i.date, i.casualties, i.sources[0]
        w.writerow([
            i.id, d.start or "", d.end or "", d.precision, d.text, d.basis, i.type,
            "; ".join(p.en for p in i.places), "; ".join(i.actors), i.reported_by,
            c.killed if c.killed is not None else "", c.wounded if c.wounded is not None else "",
            c.displaced if c.displaced is not None else "", c.approximate, s.file, s.line,
            s.quote, i.summary_en,
        ])  # fmt: skip
    return buf.getvalue()


def cmd_check(args: argparse.Namespace) -> int:
    config = _config(args)
    analysis = analyse(config)
    diagnostics = analysis.diagnostics
    if args.quiet:
        diagnostics = tuple(d for d in diagnostics if d.severity == "error")
    _print_diagnostics(diagnostics, stream=sys.stdout)
    needs = analysis.errors + analysis.warnings
    if not args.quiet:
        _print_review(analysis, everything=args.review)
        checked = counted(len(analysis.extractions), "article")
        print(f"{checked} checked: {tally(analysis.errors, analysis.warnings)}", file=sys.stderr)
    return EXIT_ATTENTION if needs else EXIT_OK


REVIEW_SHOWN = 20  # without --review, the most consequential of those left


def _print_review(analysis: Analysis, everything: bool) -> None:
    """What is left to review (sitegen serve --review), most consequential first."""
    from sitegen.review import unreviewed

    paths = {x.article.id: x.article.path for x in analysis.extractions}
    todo = unreviewed((i for x in analysis.extractions for i in x.incidents), paths)
    shown = todo if everything else todo[:REVIEW_SHOWN]
    for d in shown:
        print(d, file=sys.stdout)
    if len(todo) > len(shown):
        more = len(todo) - len(shown)
        print(f"… and {counted(more, 'more incident')} to review (sitegen check --review)")
    if todo:
        print(f"{counted(len(todo), 'incident')} not reviewed yet", file=sys.stderr)


def _print_diagnostics(diags: Iterable[Diagnostic], stream=None) -> None:  # type: ignore[no-untyped-def]
    out = stream or sys.stderr
    for d in sorted(diags, key=lambda d: (d.path, d.line)):
        print(d, file=out)


def cmd_serve(args: argparse.Namespace) -> int:
    from sitegen import serve  # watchdog and the server load only for this command

    port = 8000 if args.port is None else args.port
    return serve.run(
        _config(args),
        args.host,
        port,
        args.port is not None,
        args.open,
        quiet=args.quiet,
        write=args.write,
        review=args.review,
    )


# --- publish and init ---------------------------------------------------------------------


def _add_publish_and_init(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("publish", help="build afresh and commit the site to the gh-pages branch")
    p.add_argument("--remote", default="origin", help="git remote to push to (default: origin)")
    p.add_argument("--branch", default="gh-pages", help="pages branch (default: gh-pages)")
    p.add_argument("--message", help="commit message (the source commit is always named)")
    p.add_argument("--cname", help="custom domain, when the branch has no CNAME yet")
    p.add_argument("--no-push", action="store_true", help="commit to the local branch only")
    p.add_argument("--dry-run", action="store_true", help="show what would be published")
    p.add_argument("--force", action="store_true", help="overwrite the remote branch's history")
    p.set_defaults(run=cmd_publish)

    i = sub.add_parser("init", help="scaffold a new site folder")
    i.add_argument("directory", nargs="?", type=Path, help="where (default: --root)")
    i.add_argument("--github-actions", action="store_true", help="add a Pages deploy workflow")
    i.add_argument("--force", action="store_true", help="overwrite existing files")
    i.set_defaults(run=cmd_init)


def cmd_publish(args: argparse.Namespace) -> int:
    from sitegen import publish

    options = publish.Options(
        remote=args.remote,
        branch=args.branch,
        message=args.message,
        cname=args.cname,
        push=not args.no_push,
        dry_run=args.dry_run,
        force=args.force,
    )
    return publish.command(_config(args), options, args.quiet)


def cmd_init(args: argparse.Namespace) -> int:
    from sitegen import init

    return init.command(args.directory or args.root, args.github_actions, args.force, args.quiet)
