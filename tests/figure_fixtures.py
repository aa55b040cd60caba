"""Our own short stories grouped by the figure grouper, shared by the figure-group tests."""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace
from typing import Any

from presslens.analyzers.base import Features
from presslens.analyzers.figures import FiguresAnalyzer
from presslens.article import Article
from presslens.compare.figure_groups import FigureGrouper, grouping_config
from presslens.segment import segment


def grouped_story(story: list[tuple[str, int, str, str]], **overrides: Any) -> FigureGrouper:
    """Index ``(id, day of March 2025, source, text)`` articles with the ``rules`` grouping at threshold 0 and no
    headless margin (``overrides`` replace further settings), each article's figures read by the figures analyzer."""
    grouper = FigureGrouper(None, replace(grouping_config("rules"), threshold=0.0, headless_margin=0.0, **overrides))
    for aid, day, src, text in story:
        art = Article(text=text, id=aid, date=_dt.date(2025, 3, day), source=src, language="en")
        segment(art)
        grouper.add_article(art, FiguresAnalyzer().analyze(Features(art)).findings)
    return grouper
