"""How fast is ``transparency lint``? Start-up against a bare interpreter, and letters per second.

    python bench/cli.py [--runs 11] [--letters 1000]

Prints medians of wall time (subprocesses, so start-up, imports and rule loading count, as they do for
a user or a pre-commit hook), and compares them with the goals: one letter in at most 10x the time of
``python -c pass``, and at least 300 letters per second in one process over 1,000 letters. The letters
are generated from the example letters (sentences shuffled and recombined with a fixed seed), so the
numbers are repeatable. Not a test: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
START_UP_GOAL = 10.0       # times the bare interpreter's start
THROUGHPUT_GOAL = 300.0    # letters per second, one process


def wall(argv: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Seconds one run of ``argv`` takes; exits the benchmark when the command fails."""
    t0 = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t0
    # An uncaught exception also exits 1, like "findings": look for its traceback too.
    if proc.returncode not in (0, 1) or b"Traceback (most recent call last)" in proc.stderr:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(argv)}\n{proc.stderr.decode()[-2000:]}")
    return elapsed


def median_wall(argv: list[str], runs: int, cwd: Path, env: dict[str, str]) -> float:
    wall(argv, cwd, env)  # warm the file cache and .pyc files
    return statistics.median(wall(argv, cwd, env) for _ in range(runs))


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。！？.!?])\s*|\n+", text) if s.strip()]


def make_letters(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` letters, each a greeting and 4-12 sentences drawn from the examples of its language."""
    pools: dict[str, list[str]] = {"zh": [], "en": []}
    for path in sorted((REPO / "examples" / "letters").glob("*.txt")):
        lang = "en" if path.name.startswith("en") else "zh"
        pools[lang].extend(sentences(path.read_text(encoding="utf-8")))
    if not pools["zh"]:
        pools["zh"] = ["由于种种原因，我司将停止运营。", "退款事宜另行通知。", "联系人：李经理，电话021-12345678。"]
    if not pools["en"]:
        pools["en"] = ["We are closing for various reasons.", "Refunds will follow in due course."]
    rnd = random.Random(seed)
    out = []
    for i in range(count):
        lang = "zh" if i % 4 else "en"  # mostly Chinese, as in practice
        body = rnd.sample(pools[lang], k=min(len(pools[lang]), rnd.randint(4, 12)))
        greeting = "尊敬的客户：" if lang == "zh" else "Dear client,"
        path = folder / f"letter-{i:04d}.txt"
        path.write_text(greeting + "\n" + "\n".join(body) + "\n", encoding="utf-8")
        out.append(path)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs per start-up measurement")
    parser.add_argument("--letters", type=int, default=1000, help="letters in the throughput run")
    args = parser.parse_args()

    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "transparency.toml").write_text("", encoding="utf-8")  # no stray configuration
        letters = work / "letters"
        letters.mkdir()
        paths = make_letters(letters, args.letters)
        one = str(paths[1])
        py = sys.executable

        bare = median_wall([py, "-c", "pass"], args.runs, work, env)
        imports = median_wall([py, "-c", "import transparency.cli"], args.runs, work, env)
        single = median_wall([py, "-m", "transparency.cli", "lint", one], args.runs, work, env)
        batch = median_wall([py, "-m", "transparency.cli", "lint", str(letters), "--format", "json"],
                            max(1, args.runs // 4), work, env)

    rate = args.letters / batch
    steady = (args.letters - 1) / max(1e-9, batch - single)
    ratio = single / bare
    print(f"python -c pass                        {bare * 1000:8.1f} ms")
    print(f"python -c 'import transparency.cli'   {imports * 1000:8.1f} ms")
    print(f"transparency lint letter.txt          {single * 1000:8.1f} ms   "
          f"{ratio:5.1f}x bare   (goal <= {START_UP_GOAL:.0f}x: {'met' if ratio <= START_UP_GOAL else 'NOT met'})")
    print(f"transparency lint {args.letters} letters         {batch:8.2f} s    "
          f"{rate:6.0f} letters/s (goal >= {THROUGHPUT_GOAL:.0f}: "
          f"{'met' if rate >= THROUGHPUT_GOAL else 'NOT met'}); "
          f"{steady:.0f} letters/s once started")


if __name__ == "__main__":
    main()
