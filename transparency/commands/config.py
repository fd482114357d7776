"""``transparency config PATH``: the configuration that applies to a file or folder, and where it
comes from (which file, which profiles), with the rules it enables."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="a letter or a folder")
    parser.add_argument("--config", metavar="FILE", help="use this configuration file instead of "
                                                         "searching upward")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _toml_value(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value)


def effective(path: str, config_file: str | None = None) -> dict[str, Any]:
    """The effective configuration of ``path`` as plain data (raises ConfigError / RuleFileError)."""
    from ..config import ConfigResolver
    from ..rules.loader import default_ruleset, load_ruleset

    config = ConfigResolver(config_file).config_for(path)
    ruleset = load_ruleset(config.extend_rules) if config.extend_rules else default_ruleset()
    config.check_codes(ruleset.by_code)
    data = config.to_dict()
    data["profile"] = config.profile_for(path)
    data["enabled"] = [r.code for r in ruleset.rules if config.is_enabled(r.code)]
    data["disabled"] = [r.code for r in ruleset.rules if not config.is_enabled(r.code)]
    data["severity_changed"] = {r.code: config.severity_for(r.code, r.severity) for r in ruleset.rules
                                if config.severity_for(r.code, r.severity) != r.severity}
    return data


def run(args: argparse.Namespace) -> int:
    """Print the effective configuration; 2 when it does not validate."""
    from ..errors import ConfigError, RuleFileError

    try:
        data = effective(args.path, args.config)
    except (ConfigError, RuleFileError) as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps({"schema_version": "1", **data}, ensure_ascii=False, indent=2))
        return 0
    lines = [f"# effective configuration for {args.path}",
             f"# from {data['path'] or '(no configuration file: defaults)'}"]
    for key in ("select", "ignore", "extend-rules"):
        if data[key] is not None:
            lines.append(f"{key} = {_toml_value(data[key])}")
    if data["severity"]:
        lines += ["", "[severity]"] + [f"{k} = {_toml_value(v)}" for k, v in data["severity"].items()]
    if data["profile"]:
        lines += ["", "# the profiles that match this path give:"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in data["profile"].items()]
    lines += ["", f"# {len(data['enabled'])} rules enabled: {' '.join(data['enabled'])}"]
    if data["disabled"]:
        lines.append(f"# {len(data['disabled'])} disabled: {' '.join(data['disabled'])}")
    if data["severity_changed"]:
        lines.append("# severity changed: " + ", ".join(f"{k} -> {v}"
                                                         for k, v in data["severity_changed"].items()))
    print("\n".join(lines))
    return 0
