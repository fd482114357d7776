"""Every notebook under notebooks/ runs top to bottom without an error (nbclient, Agg backend, in a
temporary working folder that holds a copy of the notebooks and their past cases)."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

nbformat = pytest.importorskip("nbformat", reason="install the test extra: pip install '.[test]'")
nbclient = pytest.importorskip("nbclient", reason="install the test extra: pip install '.[test]'")


def test_there_are_notebooks_and_none_is_committed_with_outputs():
    assert len(NOTEBOOKS) >= 2
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, f"{path.name} has outputs"


@pytest.mark.skipif(importlib.util.find_spec("transparency.extract") is None
                    or importlib.util.find_spec("transparency.io") is None,
                    reason="the notebooks evaluate letters; the text evaluator (transparency.extract, "
                           "transparency.io) is not in this build yet")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path, monkeypatch):
    work = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", work)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    # The kernel imports this checkout's package, installed or not.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    nb = nbformat.read(work / path.name, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(work)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
