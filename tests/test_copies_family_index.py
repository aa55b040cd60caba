"""A republished copy's figures matched through its family's kept index (:class:`~presslens.compare.copies.FamilyFigures`,
grown as copies join) are those matched against the family's mentions listed afresh for every copy."""

from __future__ import annotations

import datetime as _dt
import random
from types import MethodType

import pytest

from presslens.analyzers.base import Features
from presslens.analyzers.figures import FiguresAnalyzer
from presslens.article import Article, Finding
from presslens.compare.copies import FamilyFigures, copy_mentions
from presslens.compare.figure_groups import FigureGrouper, GroupingConfig, hashed_embedder, mention_tokens
from presslens.compare.figures import FigureMention, mentions_from_findings
from presslens.segment import segment


def _listed(self: FigureGrouper, original: str, family: list[str], article_id: str) -> list[FigureMention]:
    """The family's known mentions listed afresh (what add_article read before the kept index)."""
    return [self.mentions[mid] for key in family if key != article_id for mid in self._of_article.get(key, ())]


def _article(rng: random.Random, i: int) -> Article:
    people = rng.choice([1000, 1007, 1014, 2000])
    soldiers = rng.choice([3, 4, 40])
    text = (f"Officials said {people} people left the city on day {rng.choice([1, 2])}. About {soldiers} soldiers "
            f"were seen near the border, and {rng.choice([5, 7])} vehicles crossed it, the border service said. ")
    art = Article(text=text * rng.choice([1, 2]), id=f"s{i}", date=_dt.date(2022, 1, 1 + i % 27),
                  source=f"Outlet {i % 3}", language="en")
    segment(art)
    return art


def _run(grouper: FigureGrouper, seed: int) -> list[tuple[str, str | None, str | None, str | None]]:
    rng = random.Random(seed)
    originals = ["s0", "s1"]
    seen: list[tuple[str | None, Article, list[Finding]]] = []
    out = []
    for i in range(40):
        art = _article(rng, i)
        found = FiguresAnalyzer().analyze(Features(art)).findings
        dup = None if i < 2 else rng.choice(originals)
        if seen and rng.random() < 0.15:  # a re-analysed article of the family, or one taken out
            old_dup, old, old_found = seen[rng.randrange(len(seen))]
            if rng.random() < 0.5:
                again = grouper.replace_article(old, old_found, duplicate_of=old_dup)
                out.extend((m.id, m.updates, m.updated_copy_of, grouper.group_of.get(m.id)) for m in again)
            elif old.id not in originals:
                grouper.remove_article(old.id)
                for listed in grouper.copies.values():
                    listed[:] = [c for c in listed if c["article_id"] != old.id]
        if i in (20, 30):  # an original re-analysed with other figures: its copies' family changed under them
            orig = _article(rng, i - 20)
            again = grouper.replace_article(orig, FiguresAnalyzer().analyze(Features(orig)).findings)
            out.extend((m.id, m.updates, m.updated_copy_of, grouper.group_of.get(m.id)) for m in again)
        added = grouper.add_article(art, found, duplicate_of=dup)
        seen.append((dup, art, found))
        out.extend((m.id, m.updates, m.updated_copy_of, grouper.group_of.get(m.id)) for m in added)
    return out


@pytest.mark.parametrize("seed", range(4))
def test_kept_family_index_matches_copies_as_the_family_listed_afresh(seed: int) -> None:
    kept = FigureGrouper(hashed_embedder(64), GroupingConfig(), outcome_embed=hashed_embedder(64))
    afresh = FigureGrouper(hashed_embedder(64), GroupingConfig(), outcome_embed=hashed_embedder(64))
    afresh._family_figures = MethodType(_listed, afresh)  # type: ignore[method-assign]
    got, expected = _run(kept, seed), _run(afresh, seed)
    assert got == expected
    assert any(updated for _mid, _upd, updated, _gid in got)  # copies kept figures of their own
    assert kept._families  # and the kept index was used


def test_copy_mentions_reads_a_family_index_as_the_list() -> None:
    rng = random.Random(1)
    arts = [_article(rng, i) for i in range(6)]
    known: list[FigureMention] = []
    for a in arts[:5]:
        known.extend(mentions_from_findings(a, FiguresAnalyzer().analyze(Features(a)).findings))
    copy = mentions_from_findings(arts[5], FiguresAnalyzer().analyze(Features(arts[5])).findings)
    family = FamilyFigures("s0")
    family.extend(known)
    as_list = copy_mentions(copy, known, mention_tokens, original="s0")
    updates = [m.updates for m in as_list[1]]
    as_index = copy_mentions(copy, family, mention_tokens, original="s0")
    assert as_index[0] == as_list[0] and [m.id for m in as_index[1]] == [m.id for m in as_list[1]]
    assert [m.updates for m in as_index[1]] == updates
    with pytest.raises(ValueError):
        copy_mentions(copy, family, mention_tokens, original="s1")
