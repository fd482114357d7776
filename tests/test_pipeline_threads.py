"""The whole pipeline is safe to call from several threads: results equal a serial run."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from transparency import evaluate

CORPUS = sorted((Path(__file__).parent / "corpus" / "dev").glob("*.txt"))[:24]


def _result(path: Path) -> str:
    ev = evaluate(path.read_text(encoding="utf-8"), backend="durable")
    return ev.model_dump_json(exclude={"document"})


def test_eight_threads_give_the_serial_results():
    serial = [_result(p) for p in CORPUS]
    jobs = CORPUS * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(_result, jobs))
    assert threaded == serial * 4


def test_both_backends_agree_on_the_corpus():
    for path in CORPUS:
        text = path.read_text(encoding="utf-8")
        durable = evaluate(text, backend="durable")
        python = evaluate(text, backend="python")
        assert durable.model_dump_json() == python.model_dump_json(), path.name
