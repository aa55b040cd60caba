"""Text utilities shared by analyzers: word-start indexes for fast pattern scans (:mod:`.wordstarts`),
hedging cues (:mod:`.hedging`) and prediction cues with time horizons (:mod:`.prediction`).

Helpers, not analyzers: each is a pure function of a text; the ``claims`` analyzer calls the hedging and
prediction rules for every sentence it reports.
"""
