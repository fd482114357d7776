"""Client-rights checklists (《客户权益清单》) and takeover agreements: load, evaluate, cross-check.

* :func:`transparency.checklist.load.load_checklist` reads CSV, XLSX, YAML and JSON tables;
* :func:`transparency.checklist.evaluate.evaluate_checklist` runs the ``checklist`` rules
  (``rules/checklist.yaml``) per client and scores each client;
* :func:`transparency.checklist.client.evaluate_client` adds the letter/checklist cross-check.

Submodules are imported on use; this package imports nothing heavy (openpyxl only for .xlsx).
"""
