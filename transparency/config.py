"""Project configuration: which rules run, at what severity, and per-folder document profiles.

Read from ``[tool.transparency]`` in a ``pyproject.toml`` or from the top level of a
``transparency.toml``, found by walking up from each linted file (the nearest wins; in one folder
``transparency.toml`` wins over ``pyproject.toml``; a ``pyproject.toml`` without the table is passed
over). Keys::

    select = ["TM", "TF001"]        # codes or code prefixes to run (default: every rule)
    ignore = ["TS002"]              # codes or prefixes not to run; the longer matching prefix wins
    extend-rules = ["house.yaml"]   # extra rule files, relative to this configuration file
    status-rules = ["policy.yaml"]  # house status rules (docs/status-rules.md), relative to this file
    [severity]                      # code or prefix -> error | warning | suggestion
    TM005 = "warning"
    [[profiles]]                    # documents matching a glob (relative to this file's folder)
    glob = "faq/**"                 # a glob without "/" matches the file name in any folder
    kind = "faq"                    # letter | faq | meeting_script | notice | other
    tier = "core"                   # core | key | ordinary
    language = "zh"                 # zh | en

Every matching profile applies, in file order, a later one overriding an earlier one's keys. An unknown
key, a code or prefix no loaded rule has, or a bad value is a :class:`~transparency.errors.ConfigError`
naming the file and line; nothing is silently ignored.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError, Problem

CONFIG_NAMES = ("transparency.toml", "pyproject.toml")
SEVERITIES = ("error", "warning", "suggestion")
KINDS = ("letter", "faq", "meeting_script", "notice", "other")
TIERS = ("core", "key", "ordinary")
LANGUAGES = ("zh", "en")
_KEYS = ("select", "ignore", "extend-rules", "status-rules", "severity", "profiles")
_PROFILE_KEYS = ("glob", "kind", "tier", "language")
_PROFILE_VALUES = {"kind": KINDS, "tier": TIERS, "language": LANGUAGES}
_OUR_TABLE = re.compile(r"^\s*(\[\s*tool\s*\.\s*transparency\b|\[\[\s*tool\s*\.\s*transparency\b|"
                        r"tool\s*\.\s*transparency\s*[.=])", re.MULTILINE)


@dataclass(frozen=True)
class Profile:
    """Document settings for files matching ``glob``."""

    glob: str
    kind: str | None = None
    tier: str | None = None
    language: str | None = None

    def matches(self, relative: str) -> bool:
        """Whether ``relative`` (a POSIX path relative to the configuration's folder) matches."""
        target = relative if "/" in self.glob.strip("/") else relative.rsplit("/", 1)[-1]
        return _glob_regex(self.glob.strip("/") or self.glob).fullmatch(target) is not None


def _glob_regex(glob: str) -> re.Pattern[str]:
    """``**`` crosses folders, ``*`` and ``?`` do not, ``[...]`` is a character class."""
    out, i = [], 0
    while i < len(glob):
        c = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if glob.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = glob.find("]", i + 1)
            if j == -1:
                out.append(re.escape(c))
            else:
                body = glob[i + 1:j]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out))


@dataclass(frozen=True)
class Config:
    """The effective configuration of a set of files; :meth:`default` when no file configures them."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_rules: list[Path] = field(default_factory=list)
    status_rules: list[Path] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    profiles: tuple[Profile, ...] = ()
    #: where each setting was written, for error messages: (key, value or "") -> (file, line)
    origins: dict[tuple[str, str], tuple[str, int | None]] = field(default_factory=dict, repr=False,
                                                                   compare=False)

    @classmethod
    def default(cls) -> "Config":
        """Every rule enabled at its own severity, no profiles."""
        return cls()

    # -- what the pipeline asks ------------------------------------------------------------------
    def is_enabled(self, code: str) -> bool:
        """Whether the rule ``code`` runs: selected (or no ``select``) and not ignored by a more specific
        (longer) or equally specific prefix."""
        selected = 0 if self.select is None else max(
            (len(p) for p in self.select if code.startswith(p)), default=-1)
        ignored = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return selected >= 0 and selected > ignored

    def severity_for(self, code: str, default: str) -> str:
        """The configured severity of ``code`` (longest matching code prefix), else ``default``."""
        best = max((p for p in self.severity if code.startswith(p)), key=len, default=None)
        return self.severity[best] if best is not None else default

    def profile_for(self, path: str | os.PathLike[str]) -> dict[str, str]:
        """``kind``, ``tier`` and ``language`` set for ``path`` by the matching profiles."""
        if not self.profiles:
            return {}
        relative = _relative(Path(path), self.path.parent if self.path else Path.cwd())
        out: dict[str, str] = {}
        for profile in self.profiles:
            if profile.matches(relative):
                out.update({k: v for k in ("kind", "tier", "language")
                            if (v := getattr(profile, k)) is not None})
        return out

    # -- command-line overrides and validation ---------------------------------------------------
    def with_overrides(self, *, select: Sequence[str] | None = None,
                       ignore: Sequence[str] | None = None) -> "Config":
        """``--select`` replaces the configured selection; ``--ignore`` adds to the ignored codes."""
        origins = dict(self.origins)
        for key, values in (("select", select), ("ignore", ignore)):
            for v in values or ():
                origins[(key, v)] = (f"--{key}", None)
        return replace(self, select=tuple(select) if select is not None else self.select,
                       ignore=self.ignore + tuple(ignore or ()), origins=origins)

    def check_codes(self, known_codes: Iterable[str]) -> None:
        """Raise :class:`ConfigError` for every code or prefix in ``select``, ``ignore`` or ``severity``
        that no loaded rule has (a typo would otherwise silently select or ignore nothing)."""
        known = sorted(set(known_codes))
        problems: list[Problem] = []
        for key, values in (("select", self.select or ()), ("ignore", self.ignore),
                            ("severity", tuple(self.severity))):
            for value in values:
                if any(code.startswith(value) for code in known):
                    continue
                where, line = self.origins.get((key, value), (str(self.path or "configuration"), None))
                hint = difflib.get_close_matches(value.upper(), known, n=1)
                problems.append(Problem(where, line, f"{key}: no rule has the code or prefix {value!r}"
                                        + (f"; did you mean {hint[0]!r}?" if hint else
                                           "; `transparency rules` lists the codes")))
        if problems:
            raise ConfigError(problems)

    def to_dict(self) -> dict[str, Any]:
        """The settings as plain data (for ``transparency config``)."""
        return {"path": str(self.path) if self.path else None,
                "select": list(self.select) if self.select is not None else None,
                "ignore": list(self.ignore),
                "extend-rules": [str(p) for p in self.extend_rules],
                "status-rules": [str(p) for p in self.status_rules],
                "severity": dict(self.severity),
                "profiles": [{k: v for k, v in vars(p).items() if v is not None} for p in self.profiles]}


def _relative(path: Path, base: Path) -> str:
    try:
        return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path.resolve().as_posix()


# -- loading -----------------------------------------------------------------------------------
class _Locator:
    """Finds the line of a key or value in TOML text (tomllib reports no positions)."""

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")

    def __init__(self, text: str, root: str) -> None:
        self.lines = text.splitlines()
        self.root = root
        # (table name, occurrence of an array table or 0) per line
        self.tables: list[tuple[str, int]] = []
        current, counts = ("", 0), {}
        for line in self.lines:
            m = self._HEADER.match(line)
            if m:
                name = re.sub(r"\s*\.\s*", ".", m.group(2)).replace('"', "").replace("'", "")
                if m.group(1) == "[[":
                    counts[name] = counts.get(name, -1) + 1
                    current = (name, counts[name])
                else:
                    current = (name, 0)
            self.tables.append(current)

    def _table(self, sub: str | None) -> str:
        return ".".join(p for p in (self.root, sub) if p)

    def header(self, sub: str, occurrence: int = 0) -> int | None:
        """1-based line of the header of table ``root.sub`` (its ``occurrence``-th, for arrays)."""
        table = self._table(sub)
        for i, (name, occ) in enumerate(self.tables):
            if name == table and occ == occurrence:
                return i + 1
        return None

    def line(self, key: str, value: str | None = None, *, sub: str | None = None,
             occurrence: int = 0) -> int | None:
        """1-based line of ``key`` (then of ``value`` after it) in table ``root[.sub]``."""
        table = self._table(sub)
        key_re = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[=.]")
        start = None
        for i, (name, occ) in enumerate(self.tables):
            if name == table and occ == occurrence and key_re.match(self.lines[i]):
                start = i
                break
        if start is None:  # a sub-table: [root.key]
            for i, (name, occ) in enumerate(self.tables):
                if name == self._table(key if sub is None else f"{sub}.{key}"):
                    start = i
                    break
        if start is None:
            return None
        if value is None:
            return start + 1
        value_re = re.compile(rf"(?<![\w-]){re.escape(value)}(?![\w-])")
        for i in range(start, len(self.lines)):
            if i > start and self.tables[i] != self.tables[start] and not \
                    self.tables[i][0].startswith(self.tables[start][0]):
                break
            if value_re.search(self.lines[i].split("#", 1)[0]):
                return i + 1
        return start + 1


def _type_name(value: Any) -> str:
    return {str: "a string", list: "a list", dict: "a table", bool: "a boolean", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and validate the configuration file at ``path`` (a ``pyproject.toml`` or
    ``transparency.toml``). Raises :class:`ConfigError` listing every problem with file and line."""
    path = Path(path)
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError([Problem(name, None, "configuration file not found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([Problem(name, None, f"cannot be read ({exc})")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        raise ConfigError([Problem(name, int(m.group(1)) if m else None,
                                   f"not valid TOML: {exc}")]) from None
    is_pyproject = path.name == "pyproject.toml"
    root = "tool.transparency" if is_pyproject else ""
    if is_pyproject:
        table = data.get("tool", {}).get("transparency")
        if table is None:
            raise ConfigError([Problem(name, None, "has no [tool.transparency] table")])
    else:
        table = data
    loc = _Locator(text, root)
    problems: list[Problem] = []

    def problem(message: str, key: str, value: str | None = None, **kw: Any) -> None:
        problems.append(Problem(name, loc.line(key, value, **kw), message))

    if not isinstance(table, dict):
        raise ConfigError([Problem(name, None, "[tool.transparency] must be a table")])
    for key in table:
        if key not in _KEYS:
            hint = difflib.get_close_matches(key, _KEYS, n=1)
            problem(f"unknown key {key!r}" + (f"; did you mean {hint[0]!r}?" if hint else
                    f"; known keys: {', '.join(_KEYS)}"), key)

    origins: dict[tuple[str, str], tuple[str, int | None]] = {}

    def code_list(key: str) -> tuple[str, ...] | None:
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problem(f"{key} must be a list of rule codes or prefixes, not {_type_name(value)}", key)
            return ()
        for v in value:
            origins[(key, v)] = (name, loc.line(key, v))
            if not re.fullmatch(r"[A-Z]{1,3}[0-9]{0,3}", v):
                problem(f"{key}: {v!r} is not a rule code or prefix (like 'TT001' or 'TT')", key, v)
        return tuple(value)

    select = code_list("select")
    ignore = code_list("ignore") or ()

    def file_list(key: str) -> list[Path]:
        files: list[Path] = []
        raw_files = table.get(key, [])
        if not isinstance(raw_files, list) or not all(isinstance(v, str) for v in raw_files):
            problem(f"{key} must be a list of file paths, not {_type_name(raw_files)}", key)
            return files
        for v in raw_files:
            file = (path.parent / v).resolve()
            if not file.is_file():
                problem(f"{key}: rule file {v!r} not found (looked for {file})", key, v)
            files.append(file)
        return files

    extend = file_list("extend-rules")
    status_files = file_list("status-rules")

    severity: dict[str, str] = {}
    raw_severity = table.get("severity", {})
    if not isinstance(raw_severity, dict):
        problem(f"severity must be a table of code = severity, not {_type_name(raw_severity)}",
                "severity")
    else:
        for code, level in raw_severity.items():
            origins[("severity", code)] = (name, loc.line("severity", code))
            if level not in SEVERITIES:
                problem(f"severity of {code}: {level!r} is not one of {', '.join(SEVERITIES)}",
                        "severity", code)
            else:
                severity[code] = level

    profiles: list[Profile] = []
    raw_profiles = table.get("profiles", [])
    if not isinstance(raw_profiles, list) or not all(isinstance(p, dict) for p in raw_profiles):
        problem("profiles must be an array of tables ([[profiles]] entries)", "profiles")
    else:
        for n, entry in enumerate(raw_profiles):
            def where(key: str) -> int | None:
                return (loc.line(key, sub="profiles", occurrence=n)
                        or loc.header("profiles", n) or loc.line("profiles"))
            for key in entry:
                if key not in _PROFILE_KEYS:
                    problems.append(Problem(name, where(key), f"profile {n + 1}: unknown key {key!r}; "
                                            f"known keys: {', '.join(_PROFILE_KEYS)}"))
            glob = entry.get("glob")
            if not isinstance(glob, str) or not glob:
                problems.append(Problem(name, where("glob"), f"profile {n + 1}: needs a glob "
                                        "(a file pattern such as \"faq/**\")"))
                continue
            ok = True
            for key, allowed in _PROFILE_VALUES.items():
                if key in entry and entry[key] not in allowed:
                    ok = False
                    problems.append(Problem(name, where(key), f"profile {n + 1}: {key} "
                                            f"{entry[key]!r} is not one of {', '.join(allowed)}"))
            if ok:
                profiles.append(Profile(glob=glob, kind=entry.get("kind"), tier=entry.get("tier"),
                                        language=entry.get("language")))
    if problems:
        raise ConfigError(problems)
    return Config(path=path, select=select, ignore=ignore, extend_rules=extend, status_rules=status_files,
                  severity=severity,
                  profiles=tuple(profiles), origins=origins)


def _configures_us(candidate: Path) -> bool:
    if candidate.name != "pyproject.toml":
        return True
    try:
        return _OUR_TABLE.search(candidate.read_text(encoding="utf-8-sig", errors="replace")) is not None
    except OSError:
        return False


def find_config_file(start: str | os.PathLike[str]) -> Path | None:
    """The configuration file nearest to ``start`` (a file or folder), walking up to the filesystem
    root, or None."""
    here = Path(os.path.abspath(start))
    folder = here if here.is_dir() else here.parent
    for candidate_folder in (folder, *folder.parents):
        for filename in CONFIG_NAMES:
            candidate = candidate_folder / filename
            if candidate.is_file() and _configures_us(candidate):
                return candidate
    return None


class ConfigResolver:
    """The configuration of each file, discovering and loading each configuration file once.

    With ``explicit`` (``--config FILE``) every file gets that configuration and nothing is searched.
    """

    def __init__(self, explicit: str | os.PathLike[str] | None = None) -> None:
        self.explicit = load_config(explicit) if explicit is not None else None
        self._by_folder: dict[Path, Path | None] = {}
        self._by_file: dict[Path, Config] = {}

    def file_for(self, path: str | os.PathLike[str]) -> Path | None:
        """The configuration file that applies to ``path`` (None: defaults)."""
        if self.explicit is not None:
            return self.explicit.path
        here = Path(os.path.abspath(path))
        folder = here if here.is_dir() else here.parent
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config_file(folder)
        return self._by_folder[folder]

    def config_for(self, path: str | os.PathLike[str]) -> Config:
        """The configuration that applies to ``path``; ``"-"`` (stdin) is looked up from the current
        folder. Raises :class:`ConfigError` when that configuration file is invalid."""
        if self.explicit is not None:
            return self.explicit
        where = Path.cwd() if str(path) == "-" else Path(path)
        file = self.file_for(where)
        if file is None:
            return Config.default()
        if file not in self._by_file:
            self._by_file[file] = load_config(file)
        return self._by_file[file]


def config_for(path: str | os.PathLike[str]) -> Config:
    """The configuration that applies to ``path`` (nearest configuration file, or the defaults)."""
    return ConfigResolver().config_for(path)
