"""Judging: matrix and formula statuses, findings from firings, scores and explanations."""
