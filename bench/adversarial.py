"""How long does extraction take on hostile shapes of text? Seconds per shape and size, and the growth.

    python bench/adversarial.py [--sizes 10000,40000]

Each shape repeats a short piece (long digit runs, 由于 over and over, "1," lists, "because " chains,
blank lines, dates, e-mail-like strings…) to each size in characters, runs extraction once and prints
the seconds, the seconds per MiB and the ratio between the sizes: about 4 for a fourfold size means
linear, about 16 quadratic. Not a test (nothing is asserted); quote medians from one run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from transparency.extract import extract  # noqa: E402
from transparency.models import Document  # noqa: E402

SHAPES = {
    "digits": ("1", "zh"),
    "由于": ("由于", "zh"),
    "1,": ("1,", "zh"),
    "because": ("because ", "en"),
    "关于": ("关于", "zh"),
    "blank lines": ("a\n\n", "en"),
    "dates": ("2024年3月31日", "zh"),
    "emails": ("a@b.cn ", "zh"),
    "quotes": ("「x」", "zh"),
    "Capitalised": ("Acme Cloud ", "en"),
    "mixed letter": ("因合同到期，星河云盘将于2024年3月31日停止服务，请于此前导出数据。\n", "zh"),
}


def seconds(text: str, language: str) -> float:
    t0 = time.perf_counter()
    extract(Document(text=text, language=language))
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,40000", help="comma-separated sizes in characters")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    extract(Document(text="预热", language="zh"))  # lexicons and patterns compiled before timing
    print(f"{'shape':<14}" + "".join(f"{str(n) + ' chars':>16}" for n in sizes) + f"{'s/MiB (largest)':>18}{'growth':>9}")
    for name, (piece, language) in SHAPES.items():
        times = [seconds((piece * (n // len(piece) + 1))[:n], language) for n in sizes]
        per_mib = times[-1] / (sizes[-1] / 2**20)
        growth = times[-1] / times[0] if times[0] > 0 else float("nan")
        print(f"{name:<14}" + "".join(f"{t:>15.3f}s" for t in times) + f"{per_mib:>17.1f}s{growth:>9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
