"""``transparency lint PATH...``: check letters, FAQs and scripts before they are sent.

Thin on purpose: find the files (``transparency.io``), their configuration (``transparency.config``),
evaluate each (``transparency.pipeline``), render (``transparency.render``), choose the exit code.
Exit codes: 0 no finding at or above ``--fail-on``; 1 some; 2 a usage, input or configuration error
(every input error is also in the report and on stderr, and the other files are still linted).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

FORMATS = ("text", "json", "sarif", "github")
SEVERITIES = ("error", "warning", "suggestion")
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: Show a progress bar from this many files on (and only when standard error is a terminal).
PROGRESS_FROM = 10


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files or folders (.txt .md .html .docx); '-' reads standard input")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    parser.add_argument("--fail-on", choices=SEVERITIES, default="error",
                        help="exit 1 when a finding is at least this severe (default error)")
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even with findings or unreadable inputs (2 only if the command "
                             "cannot run, e.g. a bad configuration)")
    parser.add_argument("--select", type=_codes, action="extend", metavar="CODES",
                        help="run only these codes or prefixes, comma-separated (replaces the "
                             "configuration's select)")
    parser.add_argument("--ignore", type=_codes, action="extend", metavar="CODES",
                        help="do not run these codes or prefixes (added to the configuration's ignore)")
    parser.add_argument("--config", metavar="FILE",
                        help="use this configuration file for every input instead of searching upward "
                             "for transparency.toml / pyproject.toml")
    parser.add_argument("--language", choices=("zh", "en"), help="the letters' language (default: detected)")
    parser.add_argument("--kind", choices=("letter", "faq", "meeting_script", "notice", "other"),
                        help="the documents' kind (default: the configuration's profile, else letter)")
    parser.add_argument("--tier", choices=("core", "key", "ordinary"), help="the client's tier")
    parser.add_argument("--statistics", action="store_true",
                        help="print how many findings each code has instead of the findings")


class Progress:
    """A one-line progress bar on a terminal; silent on anything else (a pipe, a file, CI logs)."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        is_tty = getattr(self.stream, "isatty", lambda: False)
        self.enabled = total >= PROGRESS_FROM and bool(is_tty())
        self.done = 0

    def step(self, name: str) -> None:
        """One more file done (``name`` is shown)."""
        self.done += 1
        if not self.enabled:
            return
        import shutil

        from ..render.text import char_width

        width = 24
        filled = width * self.done // self.total
        line = f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {name}"
        room, shown = shutil.get_terminal_size((80, 24)).columns - 1, []
        for ch in line:  # never wrap: a wrapped line cannot be erased with \r
            room -= char_width(ch)
            if room < 0:
                break
            shown.append(ch)
        self.stream.write("\r\x1b[K" + "".join(shown))
        self.stream.flush()

    def close(self) -> None:
        """Erase the bar."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _use_colour(stream: TextIO) -> bool:
    # https://no-color.org: any non-empty NO_COLOR turns colour off.
    return not os.environ.get("NO_COLOR") and bool(getattr(stream, "isatty", lambda: False)())


def run(args: argparse.Namespace) -> int:
    """Lint the paths; returns the exit code."""
    from ..config import ConfigResolver
    from ..errors import ConfigError, InputError, RuleFileError
    from ..io import discover, load_document
    from ..models import SEVERITY_RANK, ClientRef
    from ..render import LintError, renderer

    if args.statistics and args.format not in ("text", "json"):
        print("transparency lint: error: --statistics works with --format text or json",
              file=sys.stderr)
        return EXIT_ERROR

    paths = list(discover(args.paths))
    try:
        plan = _configure(paths, args, ConfigResolver(args.config))
    except (ConfigError, RuleFileError) as exc:
        errors = [LintError(p.path, f"{p.line}: {p.message}" if p.line else p.message)
                  for p in exc.problems]
        print(exc, file=sys.stderr)
        _emit(renderer(args.format)([], errors, statistics=args.statistics))
        return EXIT_ERROR

    from .. import pipeline

    results, errors = [], []
    progress = Progress(len(paths))
    for path in paths:
        name = str(path)
        config, ruleset = plan[name]
        profile = config.profile_for(path) if name != "-" else {}
        tier = args.tier or profile.get("tier")
        try:
            document = load_document(path, language=args.language or profile.get("language"),
                                     kind=args.kind or profile.get("kind"),
                                     client=ClientRef(tier=tier) if tier else None)
        except InputError as exc:
            error = LintError.from_exception(exc.path, exc)
            errors.append(error)
            print(f"{error.path}: error: {error.message}", file=sys.stderr)
            progress.step(name)
            continue
        try:
            results.append((name, pipeline.evaluate_document(document, ruleset=ruleset, config=config)))
        except (ValueError, RuntimeError) as exc:  # one document the engine cannot evaluate: report it, go on
            error = LintError(name, f"cannot evaluate this document: {exc}")
            errors.append(error)
            print(f"{error.path}: error: {error.message}", file=sys.stderr)
        progress.step(name)
    progress.close()

    render = renderer(args.format)
    _emit(render(results, errors, statistics=args.statistics, color=_use_colour(sys.stdout),
                 ruleset=_first_ruleset(plan)))

    if args.exit_zero:
        return EXIT_OK
    if errors:
        return EXIT_ERROR
    threshold = SEVERITY_RANK[args.fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for _, ev in results for f in ev.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def _configure(paths: Sequence[Path | str], args: argparse.Namespace, resolver) -> dict:  # noqa: ANN001
    """(config, rule set) per path, every configuration validated before any file is linted, so a
    typo in a configuration stops the run instead of silently linting with the wrong rules."""
    from ..rules.loader import default_ruleset, load_ruleset

    rulesets: dict[tuple[Path, ...], object] = {}
    checked: dict[Path | None, tuple] = {}
    plan: dict[str, tuple] = {}
    for path in paths:
        key = resolver.file_for(Path.cwd() if str(path) == "-" else path)
        if key not in checked:
            base = resolver.config_for(path)
            config = base.with_overrides(select=args.select, ignore=args.ignore)
            extra = tuple(config.extend_rules)
            if extra not in rulesets:
                rulesets[extra] = load_ruleset(list(extra)) if extra else default_ruleset()
            ruleset = rulesets[extra]
            config.check_codes(ruleset.by_code)
            checked[key] = (config, ruleset)
        plan[str(path)] = checked[key]
    if not paths:  # still validate the command-line codes
        from ..config import Config

        Config.default().with_overrides(select=args.select, ignore=args.ignore).check_codes(
            default_ruleset().by_code)
    return plan


def _first_ruleset(plan: dict):  # noqa: ANN202
    return next(iter(plan.values()))[1] if plan else None


def _emit(output: str) -> None:
    sys.stdout.write(output)
    sys.stdout.flush()
