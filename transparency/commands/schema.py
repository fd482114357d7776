"""``transparency schema rules|facts|…``: JSON Schemas so that editors can validate files."""

from __future__ import annotations

import argparse
import importlib
import json
from typing import Any


def _rules() -> dict[str, Any]:
    from ..rules.schema import RuleFileSpec

    schema = RuleFileSpec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "transparency rule file"
    return schema


def _facts() -> dict[str, Any]:
    from ..facts import CATALOGUE

    return {target: {k.name: {"doc": k.doc, "attributes": k.attributes(), "subkinds": list(k.subkinds)}
                     for (t, _), k in sorted(CATALOGUE.items()) if t == target}
            for target in ("document", "checklist", "case")}


# name -> "module:function" returning a JSON-able schema (other stages add theirs here)
SCHEMAS: dict[str, str] = {
    "rules": f"{__name__}:_rules",
    "facts": f"{__name__}:_facts",
    "checklist": "transparency.checklist.schema:checklist_schema",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", choices=sorted(SCHEMAS), help="which schema to print")


def run(args: argparse.Namespace) -> int:
    module, _, func = SCHEMAS[args.what].partition(":")
    print(json.dumps(getattr(importlib.import_module(module), func)(), ensure_ascii=False, indent=2))
    return 0
