"""The command line: a thin layer that parses arguments, calls the library, renders, and exits.

Each subcommand lives in its own module under ``transparency.commands`` with two functions,
``add_arguments(parser)`` and ``run(args) -> int``; modules are imported only when their command runs,
so ``transparency lint`` does not pay for pandas or openpyxl.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__
from .errors import TransparencyError

# name -> (module under transparency.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "lint": ("lint", "check letters, FAQs and scripts before they are sent"),
    "rules": ("rules", "list the rules"),
    "explain": ("explain", "show a rule's documentation and examples"),
    "schema": ("schema", "print the JSON Schema of rule files, checklists or facts"),
    "config": ("config", "show the configuration that applies to a file or folder"),
    "checklist": ("checklist", "evaluate client-rights checklists (CSV, XLSX, YAML, JSON)"),
    "report": ("report", "per-client gap report of a closure case folder (json, xlsx, csv, html)"),
}

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="transparency",
        description="Score how transparent a closure communication is, and say what to fix.")
    parser.add_argument("--version", action="version", version=f"transparency {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(_module=module)
        _command(module).add_arguments(p)
    return parser


def _command(module: str):  # noqa: ANN202 - a module
    return importlib.import_module(f"transparency.commands.{module}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 clean, 1 findings, 2 usage or input error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_module", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return int(_command(args._module).run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except TransparencyError as exc:
        # Rule files, configuration, inputs: the message names the file and line and what to do.
        print(f"transparency: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except Exception:  # noqa: BLE001 - an internal error must never look like "findings" (exit 1)
        import traceback

        traceback.print_exc()
        print("transparency: internal error (above); please report it with the input that caused it",
              file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
