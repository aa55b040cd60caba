"""The figures analyzer: one ``quantity`` finding per number expression."""

from __future__ import annotations

from typing import Any

from presslens.analyzers.base import Analyzer, AnalyzerOption, AnalyzerOutput, Features, register
from presslens.analyzers.figures.atoms import clean_number
from presslens.analyzers.figures.quantity import DEFAULT_READINGS, READINGS, Quantity, extract_quantities
from presslens.analyzers.figures.scoring import SCORES_CHOICES, calibrated_score
from presslens.article import Article, Finding, span_ref

# The analyzer
# ---------------------------------------------------------------------------------------------------


@register("figures")
class FiguresAnalyzer(Analyzer):
    """Number expressions: counts, percentages, money, ranges, ages, durations, dates, measures."""

    version = "1.13"
    languages = frozenset({"en"})
    description = (
        "Every number expression (digits, number words, vague amounts) with its value, unit or counted "
        "noun, bound (lower/upper/approx), vagueness and malformed digit grouping."
    )
    options = (
        AnalyzerOption("scores", SCORES_CHOICES, "rules",
                       "figure scores: 'rules' (shipped, fixed per pattern) or 'calibrated' (experimental, fitted)"),
        AnalyzerOption("readings", READINGS, DEFAULT_READINGS,
                       "number readings: 'readings32' (shipped since 1.13: readings31 plus stop 29's, 30's and 32's readings, below) "
                       "or 'fixes' (1.9's default: 1.6's readings, 1.8's context readings (numbers "
                       "in names 'Voyager 1', '3200 Phaethon', the bare '757' of a 'Boeing 757', ids, day and decade "
                       "pairs, 'in the seven figures', 'twenty something', 'have doubled') and "
                       "1.7's readings: points in time "
                       "'week 2', names 'Gang of Eight', emphatic '100%' and 'zero evidence', ZIP codes, rates after "
                       "a plural, percent ranges, ages after 'III,', 'six-figure', years before a plural noun as "
                       "candidates), 'rules' (1.8's default: the same without 1.7's readings) or 'general' (experimental: the fixes plus 1.6's general English readings: "
                       "trillions, .380, half-dozen, one-week, no two, (1)/(2), numbered lists, '45 and older', 'an "
                       "estimated 40 or more', a year then an amount) or 'readings19' (experimental: the fixes plus 1.9's "
                       "readings: emphatic '100 percent' and 'zero support', 'fourteen centuries', '21 minutes into the "
                       "video', 'known as 10,000 women', counted phrases past 'U.S.' and 'single-family') or 'readings26' "
                       "(experimental: the fixes plus stop 26's readings: 'think twice', 'a nine percentage point "
                       "edge', 'more than half have' ...) or 'readings27' (experimental: the fixes plus stop 27's "
                       "readings: '.40 caliber', '16 months to 3 years', 'as young as 18', 'below age 21', 'Update 2 :', "
                       "'category 4', 'a 5x felon', 'worth more than 1,000 words', 'a two- or three-week period') or "
                       "'readings28' (the default from 1.10 to 1.11: the fixes plus stop 28's readings: 'in 1658 on foot', 'never "
                       "exceeding 300', 'curious about two agents', 'two agents and one lawyer', 'arrested one "
                       "individual', 'several tenths', 'two-state solution', 'lesser of two evils', '757 jet') or "
                       "'readings29' (experimental: readings28 plus stop 29's readings: clock times 'at 0800', "
                       "versions 'Fear 2.0', 'two and half years', 'ten of thousands', 'two-bob', 'a 180 degree "
                       "turn', '5-Star Movement') or 'readings30' (experimental: readings28 plus stop 30's readings: jet "
                       "models '49 737 Max 8 jets', 'two minutes past midnight', '911' and '9-11' for the attacks, 'in a "
                       "hundred ways', 'two-party system', 'three's a crowd') or 'readings31' (the default of 1.12: readings28 plus "
                       "stop 31's readings: '31 декабря 2018' and '(17-Dec)' dates, 'December 17 and 21 2018', 'nearly "
                       "three quarters', 'one of them seriously', 'one count of', 'the day after losing', 'closer to "
                       "250,000', 'Around 1986,') or 'readings32' (the default since 1.13, passed on dev16: readings31 plus stop 29's, 30's and "
                       "32's readings: '39million visits', 'a quarter or two', 'zero-tariff', 'a trio of', 'Barely "
                       "30', '5 ½ years', '6’2”', 'the past decade and a half', 'the $64,000 question')"),
    )

    def analyze(self, features: Features) -> AnalyzerOutput:
        article = features.article
        scores = self.option("scores")
        findings = [self.finding(article, q, calibrated_score(article.text, q, scores=scores))
                    for q in extract_quantities(article.text, self.option("readings"))]
        return AnalyzerOutput(findings=findings)

    def finding(self, article: Article, q: Quantity, score: float) -> Finding:
        """The finding of one figure, with ``score`` (the calibrated probability, or the rule's score)."""
        attrs: dict[str, Any] = {
            "value": _num(q.value),
            "low": _num(q.low),
            "high": _num(q.high),
            "unit": q.unit,
            "currency": q.currency,
            "bound": q.bound,
            "vague": q.vague,
            "malformed": q.malformed,
            "likely_values": [clean_number(v) for v in q.likely_values],
            "number": span_ref(article, *q.number),
            "unit_span": span_ref(article, *q.unit_span) if q.unit_span else None,
            "bound_span": span_ref(article, *q.bound_span) if q.bound_span else None,
        }
        if "date" in q.extra:
            attrs["date"] = q.extra["date"]
        if "fraction" in q.extra:
            attrs["fraction"] = q.extra["fraction"]
        if "person" in q.extra:
            attrs["person"] = span_ref(article, *q.extra["person"])
        if q.extra.get("furniture"):
            attrs["furniture"] = True  # a share counter of the page ("557 SHARES"): a figure, but no part of the story
        return Finding.at(article, q.start, q.end, kind="quantity", label=q.label, score=score,
                          analyzer=self.name, attributes=attrs)


def _num(v: float | None) -> float | int | None:
    return None if v is None else clean_number(v)

