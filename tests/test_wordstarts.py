"""wordstarts.finditer_from gives exactly pattern.finditer, for every pattern the analyzers anchor on first words.

Texts are generated from each pattern's own parse tree (every alternative, both letter cases, repeats), so a
first word missing from a pattern's list shows up as a match that finditer finds and finditer_from does not.
"""

from __future__ import annotations

import random
import re

# the regex parser's private modules (Python 3.11+), used only to generate test texts from the patterns
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest

from presslens.analyzers.claims import furniture
from presslens.analyzers.figures import specials as figures
from presslens.text import hedging, prediction
from presslens.text.wordstarts import CASE_FOLDING_SPECIALS, WordStarts, finditer_from, words_of

_POOL = "aZ9 ,.-'’\u201c\u201d;:!?()\n"


def _sample_class(items: list[tuple[object, object]], rng: random.Random) -> str:
    if items and items[0][0] is sre_c.NEGATE:
        banned = "".join(chr(v) for op, v in items[1:] if op is sre_c.LITERAL)  # type: ignore[call-overload]
        return rng.choice([c for c in _POOL if c not in banned])
    op, av = rng.choice(items)
    if op is sre_c.LITERAL:
        return chr(av)  # type: ignore[call-overload]
    if op is sre_c.RANGE:
        lo, hi = av  # type: ignore[misc]
        return chr(rng.randint(lo, hi))
    if op is sre_c.CATEGORY:
        return {
            sre_c.CATEGORY_DIGIT: rng.choice("0123456789"),
            sre_c.CATEGORY_SPACE: rng.choice("  \n"),
            sre_c.CATEGORY_WORD: rng.choice("abXy7_"),
        }.get(av, rng.choice(_POOL))  # type: ignore[call-overload]
    return rng.choice(_POOL)


def _sample(tree: object, rng: random.Random, ignore_case: bool) -> str:
    out: list[str] = []
    for op, av in tree:  # type: ignore[attr-defined]
        if op is sre_c.LITERAL:
            ch = chr(av)
            out.append(ch.upper() if ignore_case and rng.random() < 0.3 else ch)
        elif op is sre_c.NOT_LITERAL or op is sre_c.ANY:
            out.append(rng.choice([c for c in _POOL if op is sre_c.ANY or ord(c) != av]))
        elif op is sre_c.IN:
            out.append(_sample_class(av, rng))
        elif op is sre_c.BRANCH:
            out.append(_sample(rng.choice(av[1]), rng, ignore_case))
        elif op is sre_c.SUBPATTERN:
            out.append(_sample(av[3], rng, ignore_case))
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            for _ in range(rng.randint(lo, min(hi, lo + 2))):
                out.append(_sample(sub, rng, ignore_case))
        elif op is getattr(sre_c, "ATOMIC_GROUP", None):
            out.append(_sample(av, rng, ignore_case))
        # AT (\b, ^, $), look-arounds and the rest add no text
    return "".join(out)


def texts_from(pattern: re.Pattern[str], n: int, seed: int = 13) -> list[str]:
    """``n`` texts made of strings generated from ``pattern`` in varied contexts."""
    rng = random.Random(seed)
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    out = []
    for _ in range(n):
        a = _sample(tree, rng, ignore_case)
        b = _sample(tree, rng, ignore_case)
        left = rng.choice(["", " ", "x", "In ", "The ", "(", "\u201c", "'", "9", "He said "])
        middle = rng.choice([" ", ", ", " and ", "", ". ", "-"])
        out.append(left + a + middle + b + rng.choice(["", ".", " ", "s", " old", " of them", "x"]))
    return out


def _spans(matches: object) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("k", range(len(figures.ANCHORED_PATTERNS)))
def test_figures_patterns_tried_at_first_words_only(k: int) -> None:
    pattern, first, digits = figures.ANCHORED_PATTERNS[k]
    texts = texts_from(pattern, 1500)
    assert sum(1 for t in texts if pattern.search(t)) > 150  # the generated texts do exercise the pattern
    for text in texts:
        assert _spans(finditer_from(pattern, WordStarts(text), first, digits)) == _spans(
            pattern.finditer(text)
        ), text


def test_a_missing_first_word_is_caught() -> None:
    """The check above has teeth: dropping one first word from a list makes some generated text differ."""
    pattern, first, digits = figures.ANCHORED_PATTERNS[0]
    weaker = first - {"several"}
    texts = texts_from(pattern, 1500)
    assert any(
        _spans(finditer_from(pattern, WordStarts(t), weaker, digits)) != _spans(pattern.finditer(t))
        for t in texts
    )


def test_word_starts_index() -> None:
    text = "Tens of thousands, 30-year-old men; ANOTHER tens 2,000 and a_b x9"
    index = WordStarts(text)
    assert index.exact
    assert index.starts(words_of("tens")) == [0, 44]
    assert index.starts(words_of("tens"), digits=True) == [0, 19, 44, 49, 51]  # "2,000": "2" and "000"
    assert index.starts(words_of("a")) == []  # "a_b" is one word
    assert index.has_any(["another"]) and not index.has_any(["other"])


def test_case_folding_specials_cover_every_code_point() -> None:
    """Every non-ASCII character that case-insensitive matching or lower() relates to an ASCII letter is
    listed, so texts holding one are scanned in full."""
    chars = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    folded = set(re.findall(r"(?i)[a-z]", chars))
    lowered = {c for c in chars if re.search(r"[a-z]", c.lower())}
    assert folded | lowered <= set(CASE_FOLDING_SPECIALS)
    # and such a text gives the same matches through the full scan
    text = "\u017feveral hundreds of Tens"
    pattern, first, digits = figures.ANCHORED_PATTERNS[0]
    assert not WordStarts(text).exact
    assert _spans(finditer_from(pattern, WordStarts(text), first, digits)) == _spans(pattern.finditer(text))


@pytest.mark.parametrize("k", range(len(hedging.ANCHORED_PATTERNS) + len(prediction.ANCHORED_PATTERNS)))
def test_hedging_patterns_tried_at_first_words_only(k: int) -> None:
    pattern, first = (hedging.ANCHORED_PATTERNS + prediction.ANCHORED_PATTERNS)[k]
    texts = texts_from(pattern, 1500)
    assert sum(1 for t in texts if pattern.search(t)) > 150
    for text in texts:
        assert _spans(finditer_from(pattern, WordStarts(text), first)) == _spans(pattern.finditer(text)), text


@pytest.mark.parametrize("cue_type", [t for t, _p in prediction._PREDICTION_PATTERNS])
def test_prediction_patterns_tried_at_first_words_only(cue_type: str) -> None:
    pattern = dict(prediction._PREDICTION_PATTERNS)[cue_type]
    texts = texts_from(pattern, 1500)
    assert sum(1 for t in texts if pattern.search(t)) > 150
    for text in texts:
        got = prediction._pattern_matches(cue_type, pattern, text, WordStarts(text))
        assert _spans(got) == _spans(pattern.finditer(text)), text


@pytest.mark.parametrize("reason", sorted(furniture.FURNITURE_TRIGGERS))
def test_furniture_triggers_hold_for_every_match(reason: str) -> None:
    """furniture_reason searches a pattern only in sentences holding one of its trigger substrings: every text
    the pattern matches (generated from the pattern itself) must hold one, lower-cased."""
    pattern = dict(furniture._FURNITURE)[reason]
    triggers = furniture.FURNITURE_TRIGGERS[reason]
    texts = texts_from(pattern, 1500)
    matched = [t for t in texts if pattern.search(t)]
    assert len(matched) > 150
    for text in matched:
        if not any(c in text for c in CASE_FOLDING_SPECIALS):
            assert any(t in text.lower() for t in triggers), text


def test_furniture_triggers_have_teeth() -> None:
    """Dropping a trigger makes some generated match fail the check above."""
    pattern = dict(furniture._FURNITURE)["subscription offer"]
    short = ("access", "subscrib")
    assert any(not any(t in text.lower() for t in short) for text in texts_from(pattern, 1500) if pattern.search(text))


def test_furniture_reason_unchanged_by_triggers() -> None:
    """With and without the trigger skip, the same reason for generated texts of every pattern."""
    def full(sentence: str) -> str | None:
        for reason, pattern in furniture._FURNITURE:
            if pattern.search(sentence):
                return reason
        return None

    for _reason, pattern in furniture._FURNITURE:
        for text in texts_from(pattern, 300):
            got = furniture.furniture_reason(text)
            want = full(text)
            if want is not None:
                assert got == want, text
            else:
                assert got not in {r for r, _p in furniture._FURNITURE}, text


_FOLDED = ["_SPEECH", "_NUMBER_WORD", "_EVALUATIVE", "_INTENSIFIER", "_OBLIGATION", "_DATE_WORD"]


@pytest.mark.parametrize("name", _FOLDED)
def test_folded_pattern_answers_as_the_pattern(name: str) -> None:
    """FoldedPattern.has / count equal bool(search) / len(findall) of the case-insensitive pattern, on texts
    generated from the pattern (upper and lower case), with non-ASCII letters around them and inside them."""
    from presslens.analyzers.claims import scorers

    pattern = getattr(scorers, name)
    folded = getattr(scorers, name + "_F")
    assert folded.pattern is pattern
    texts = texts_from(pattern, 1500)
    texts += [t.replace("a", "\u00e4", 1) for t in texts[:300]] + [t + " \u212a\u017f" for t in texts[:100]]
    texts += [t.upper() for t in texts[:300]]
    assert sum(1 for t in texts if pattern.search(t)) > 150
    for text in texts:
        assert folded.has(text) == bool(pattern.search(text)), text
        assert folded.count(text) == len(pattern.findall(text)), text


def test_folded_pattern_refuses_what_it_cannot_answer() -> None:
    from presslens.analyzers.claims import scorers
    from presslens.text.wordstarts import FoldedPattern

    with pytest.raises(ValueError):
        FoldedPattern(scorers._OPINION)  # an upper-case literal ("I")
    with pytest.raises(ValueError):
        FoldedPattern(re.compile(r"\bsaid\b"))  # not case-insensitive
