"""Attribution analyzer on short articles we wrote: quotes, 'according to', vague sources, schema."""

from __future__ import annotations

import re

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import presslens
from presslens.analyzers.attribution.features import quote_spans
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine import refine
from presslens.analyzers.attribution.rules import rule_attributions
from presslens.analyzers.attribution.source_types import source_type
from presslens.evaluation.attribution import match_count, score_spans, trim
from presslens.report.model import KIND_ATTRIBUTES
from presslens.segment import paragraphs, sentences
from tests.text_fixtures import span_of

# References the fast code is checked against (the code does not use them)
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*|\S")  # a token: what lexical_features() reads per token
_DETERMINER_AFTER = re.compile(r"(?:[\s,;]+(?:a|an|the))?[\s,;]*$", re.I)  # trailing_determiner_start()

ARTICLE = (
    "Shelling hits river port\n\n"
    '"We will not leave the city," the mayor said on Tuesday.\n\n'
    "The regional governor said: \u201cThe water supply has been cut for three days.\u201d\n\n"
    "According to the health ministry, 14 civilians were killed in the strike.\n\n"
    "Some reports suggest that the brigade has withdrawn from the eastern bank.\n\n"
    "Two bridges were destroyed overnight, a military spokesman told Reuters on Monday.\n\n"
    "Fighting continued near the old bridge, according to press reports."
)


def _report(text: str) -> dict:  # type: ignore[type-arg]
    return presslens.analyze(text, only=["attribution"]).to_dict()


@pytest.fixture(scope="module")
def findings() -> list[dict]:  # type: ignore[type-arg]
    rep = _report(ARTICLE)
    return [f for f in rep["findings"] if f["kind"] == "attribution"]


def _with_content(findings: list[dict], needle: str) -> dict:  # type: ignore[type-arg]
    for f in findings:
        content = f["attributes"]["content"]
        if content and needle in content["text"]:
            return f
    raise AssertionError(f"no attribution with content containing {needle!r}: {findings}")


def test_quote_before_cue_links_source_and_content(findings: list[dict]) -> None:  # type: ignore[type-arg]
    f = _with_content(findings, "We will not leave the city")
    assert f["attributes"]["source"]["text"] == "the mayor"
    assert f["attributes"]["source"]["type"] == "person"
    assert f["attributes"]["cue"]["text"] == "said"


def test_cue_before_curly_quote(findings: list[dict]) -> None:  # type: ignore[type-arg]
    f = _with_content(findings, "water supply has been cut")
    assert "governor" in f["attributes"]["source"]["text"]
    # the quotation without its marks (issue 13: "X said: \"quote\"" gives the quote as content)
    assert f["attributes"]["content"]["text"] == "The water supply has been cut for three days."


def test_according_to_links_source(findings: list[dict]) -> None:  # type: ignore[type-arg]
    f = _with_content(findings, "14 civilians were killed")
    assert f["attributes"]["source"]["text"] == "the health ministry"
    assert f["attributes"]["source"]["type"] == "organisation"
    assert f["attributes"]["cue"]["text"].lower() == "according to"


def test_vague_sources_are_typed_vague(findings: list[dict]) -> None:  # type: ignore[type-arg]
    f = _with_content(findings, "brigade has withdrawn")
    assert f["attributes"]["source"]["text"] == "Some reports"
    assert f["attributes"]["source"]["type"] == "vague"
    g = _with_content(findings, "Fighting continued")
    assert g["attributes"]["source"]["text"] == "press reports"
    assert g["attributes"]["source"]["type"] == "vague"


def test_trailing_told_clause(findings: list[dict]) -> None:  # type: ignore[type-arg]
    f = _with_content(findings, "Two bridges were destroyed")
    assert f["attributes"]["source"]["text"] == "a military spokesman"
    assert f["attributes"]["cue"]["text"] == "told"


def test_spans_are_consistent_and_schema_valid(findings: list[dict]) -> None:  # type: ignore[type-arg]
    for f in findings:
        msgspec.convert(f["attributes"], KIND_ATTRIBUTES["attribution"])
        parts = [
            p for p in (f["attributes"]["source"], f["attributes"]["cue"], f["attributes"]["content"]) if p
        ]
        assert f["start"] == min(p["start"] for p in parts)
        assert f["end"] == max(p["end"] for p in parts)
        for p in parts:
            assert ARTICLE[p["start"] : p["end"]] == p["text"]


def test_every_quote_is_attributed() -> None:
    text = (
        "\u201cThe shelling started at dawn,\u201d said Anna Petrenko, a nurse at the clinic. "
        'Her colleague added: "We ran out of bandages by noon." '
        '"Nobody came to help us," one resident said.'
    )
    found = rule_attributions(text, sentences(text, paragraphs(text)))
    quotes = [q for q in quote_spans(text) if q[1] - q[0] >= 12]
    assert len(quotes) == 3
    for q in quotes:
        linked = [a for a in found if a.content == q]
        assert linked, f"quote {text[q[0] : q[1]]!r} not attributed"
        assert linked[0].source is not None


def test_scare_quotes_are_not_content() -> None:
    text = 'The so-called "referendum" was held under occupation.'
    assert rule_attributions(text, sentences(text, paragraphs(text))) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("officials", "anonymous"),
        ("Officials in Moscow", "anonymous"),
        ("critics", "vague"),
        ("Others", "vague"),
        ("the army's supporters", "vague"),
        ("analysts at the Brookings Institution", "organisation"),
        ("the independent outlet Novaya Gazeta Europe", "outlet"),
        ("the news agency Interfax", "outlet"),
        ("a pro-war Telegram channel", "outlet"),
        ("The Kyiv Post", "outlet"),
        ("the Kazakh interior ministry", "organisation"),
        ("a Kremlin spokesman", "person"),
        ("a senior military source", "anonymous"),
        ("The Washington Post", "outlet"),
        ("the Defence Ministry", "organisation"),
        ("she", "person"),
        ("President Maria Lopez", "person"),
    ],
)
def test_source_types(source: str, expected: str) -> None:
    text = f"{source} said the talks had failed."
    assert source_type(text, (0, len(source)), text) == expected


def test_overlap_matching_is_one_to_one() -> None:
    text = "x" * 50
    assert match_count(text, [(0, 10)], [(0, 5), (5, 10)], "overlap") == 1
    assert match_count(text, [(0, 10), (12, 20)], [(5, 15)], "overlap") == 1
    res = score_spans([text], [[(0, 10), (20, 30)]], [[(2, 8)]], "overlap")
    assert res["p"] == 1.0 and res["r"] == 0.5


def test_exact_matching_ignores_surrounding_punctuation() -> None:
    text = 'He said: "We won."'
    assert trim(text, (9, 18)) == (10, 16)
    assert match_count(text, [(9, 18)], [(10, 16)], "exact") == 1


# Short articles of our own with frames that look like attribution but are not, and repairs.
PRECISION_ARTICLE = (
    "Border crossing overwhelmed\n\n"
    "A week after the call-up began, the empty villages tell their own story. "
    "The Georgian border service said on Friday that 41,000 cars had crossed at one checkpoint. "
    "Every town now counts its absent men, and nobody in the regional office will say how many were drafted. "
    "Thousands of readers follow Telegram channels that list the shortest queues. "
    "Regional governors are expected to meet their quotas before winter. "
    "About 30% of those asked in a recent survey said they had a relative at the front. "
    "If the drafting continues, the factories will close by March, economists at the Gaidar Institute warned."
)


@pytest.fixture(scope="module")
def precision_findings() -> list[dict]:  # type: ignore[type-arg]
    rep = _report(PRECISION_ARTICLE)
    return [f for f in rep["findings"] if f["kind"] == "attribution"]


def _cues(findings: list[dict]) -> list[str]:  # type: ignore[type-arg]
    return [f["attributes"]["cue"]["text"].lower() for f in findings]


def test_idiom_with_inanimate_subject_is_not_attribution(precision_findings: list[dict]) -> None:  # type: ignore[type-arg]
    assert "tell" not in _cues(precision_findings)
    for f in precision_findings:
        src = f["attributes"]["source"]
        assert src is None or "villages" not in src["text"]


def test_said_on_day_that_takes_the_clause_as_content(precision_findings: list[dict]) -> None:  # type: ignore[type-arg]
    f = _with_content(precision_findings, "41,000 cars")
    assert f["attributes"]["cue"]["text"] == "said"
    assert f["attributes"]["content"]["text"] == "41,000 cars had crossed at one checkpoint"
    assert f["attributes"]["source"]["type"] == "organisation"


def test_negated_frame_is_dropped(precision_findings: list[dict]) -> None:  # type: ignore[type-arg]
    for f in precision_findings:
        src = f["attributes"]["source"]
        assert src is None or not src["text"].lower().startswith(("and", "nobody"))
        assert "how many were drafted" not in (f["attributes"]["content"] or {}).get("text", "")


def test_non_reporting_verbs_and_predictions_are_dropped(precision_findings: list[dict]) -> None:  # type: ignore[type-arg]
    cues = _cues(precision_findings)
    assert "follow" not in cues
    assert not any("expected" in c for c in cues)


def test_participle_in_source_phrase_gives_one_attribution(precision_findings: list[dict]) -> None:  # type: ignore[type-arg]
    related = [
        f
        for f in precision_findings
        if "survey"
        in (
            (f["attributes"]["source"] or {}).get("text", "")
            + (f["attributes"]["content"] or {}).get("text", "")
        )
        or "relative at the front" in (f["attributes"]["content"] or {}).get("text", "")
    ]
    assert len(related) == 1, related
    f = related[0]
    assert f["attributes"]["source"]["text"] == "About 30% of those asked in a recent survey"
    assert f["attributes"]["cue"]["text"] == "said"
    assert f["attributes"]["content"]["text"] == "they had a relative at the front"


def test_trailing_cue_content_does_not_overlap_source(precision_findings: list[dict]) -> None:  # type: ignore[type-arg]
    f = _with_content(precision_findings, "factories will close")
    assert f["attributes"]["source"]["text"] == "economists at the Gaidar Institute"
    assert f["attributes"]["source"]["type"] == "organisation"
    assert "economists" not in f["attributes"]["content"]["text"]


def test_no_attribution_has_empty_content(precision_findings: list[dict], findings: list[dict]) -> None:  # type: ignore[type-arg]
    for f in precision_findings + findings:
        content = f["attributes"]["content"]
        assert content is not None and content["text"].strip()
        src = f["attributes"]["source"]
        if src is not None:
            assert not (src["start"] < content["end"] and content["start"] < src["end"])


def test_negated_no_comment_frame_is_dropped() -> None:
    text = (
        "Substation hit\n\n"
        "A substation near the river was damaged overnight, the district governor said on Sunday. "
        "Cleanup teams worked through the morning. The operator has not commented, and the army did not "
        "respond to questions."
    )
    found = [f for f in _report(text)["findings"] if f["kind"] == "attribution"]
    cues = _cues(found)
    assert not any(c.endswith(("commented", "respond")) for c in cues), found
    f = _with_content(found, "substation near the river was damaged")
    assert f["attributes"]["source"]["text"] == "the district governor"


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "kept"),
    [
        (
            "The operator has not commented on the blackout in the east.",
            "The operator",
            "has not commented",
            "on the blackout in the east",
            False,
        ),
        (
            "Officials would not say how many shells had landed.",
            "Officials",
            "say",
            "how many shells had landed",
            False,
        ),
        (
            "The mayor said on Monday that the water was safe again.",
            "The mayor",
            "said on",
            "Monday that the water was safe again",
            True,
        ),
        (
            "The town's streets tell their own story about the siege.",
            "The town's streets",
            "tell",
            "their own story about the siege",
            False,
        ),
        (
            "Farmers follow channels that explain how to sell grain.",
            "Farmers",
            "follow",
            "channels that explain how to sell grain",
            False,
        ),
    ],
)
def test_refine_filters_and_repairs(text: str, source: str, cue: str, content: str, kept: bool) -> None:
    att = Attribution(span_of(text, cue), span_of(text, source), span_of(text, content), 0.9, False)
    out = refine(text, [att], sentences(text, paragraphs(text)))
    assert bool(out) == kept
    if kept:
        assert text[out[0].cue[0] : out[0].cue[1]] == "said"
        assert out[0].content is not None
        assert text[out[0].content[0] : out[0].content[1]] == "the water was safe again"


@pytest.mark.parametrize(
    ("source", "expected"),
    [("the state grid operator", "organisation"), ("the mayor's office", "organisation")],
)
def test_organisation_heads(source: str, expected: str) -> None:
    text = f"{source} said the power was back."
    assert source_type(text, (0, len(source)), text) == expected


def test_token_chunks_cover_every_token_and_cut_between_sentences() -> None:
    import numpy as np

    from presslens.analyzers.attribution.tagger import token_chunks

    sentence_of = np.repeat(np.arange(6), [100, 150, 200, 30, 500, 10])
    pieces = token_chunks(len(sentence_of), sentence_of, 384)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(sentence_of)
    assert all(a == b for (_, a), (b, _) in zip(pieces, pieces[1:], strict=False))  # contiguous, no overlap
    for a, b in pieces:
        assert 0 < b - a <= 384
        # a piece ends where a sentence ends, unless the sentence alone is longer than a piece
        if b < len(sentence_of) and sentence_of[b - 1] == sentence_of[b]:
            assert (sentence_of[a:b] == sentence_of[b]).all()
    assert pieces[:2] == [(0, 250), (250, 480)]


def test_long_article_attributions_match_in_every_piece() -> None:
    """An article far longer than one tagger piece still gets its quotes attributed near the end."""
    filler = " ".join(f"Sentence number {i} describes the weather and the roads in plain words." for i in range(60))
    text = (
        "Title\n\n" + filler + ' "We will not retreat," the commander told reporters on Monday. '
        + "According to the ministry, 3,000 troops arrived."
    )
    report = presslens.analyze(text, only=["attribution"])
    sources = [f.attributes["source"]["text"] for f in report.findings if f.attributes.get("source")]
    assert any("commander" in s for s in sources)
    assert any("ministry" in s for s in sources)


def test_char_props_word_runs_match_the_word_run_pattern() -> None:
    """The vectorised word runs of lexical_features are exactly what _WORD_RUN matches, on any script."""
    import numpy as np

    from presslens.analyzers.attribution.features import _WORD_RUN, char_props

    text = (
        "Mr O\u2019Neill's 3rd-rate_plan \u201cfailed\u201d; \u041c\u0438\u043d\u043e\u0431\u043e\u0440\u043e\u043d\u044b "
        "\u0441\u043e\u043e\u0431\u0449\u0438\u043b\u043e \u2014 \u6218\u4e89 \U0001d400x \U0001f600 e\u0301t\u00e9 \u00bd 42%"
    )
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    props = char_props(codes)
    edges = np.diff(np.concatenate([[False], props[:, 5], [False]]).astype(np.int8))
    runs = list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(), strict=True))
    assert runs == [m.span() for m in _WORD_RUN.finditer(text)]
    assert props[:, 4].tolist() == [c.isalnum() for c in text]
    assert props[:, 1].tolist() == [c.isupper() for c in text]


def test_lower_case_keeps_every_word_run() -> None:
    """lexical_features takes the words of the lower-cased text as the text's word runs; that holds because
    lower case never makes a word-run character of another character, or the reverse (checked on every code
    point whose lower case is one character), and because the final-sigma rule is the only context-dependent
    mapping (texts with a capital sigma take the slow path)."""
    import sys

    from presslens.analyzers.attribution.features import _WORD_RUN

    def in_run(c: str) -> bool:
        return _WORD_RUN.fullmatch(c) is not None

    changed = [
        hex(cp)
        for cp in range(sys.maxunicode + 1)
        if len(low := chr(cp).lower()) == 1 and in_run(chr(cp)) != in_run(low)
    ]
    assert changed == []
    assert "\u03a3\u039f\u03a3".lower() != "".join(c.lower() for c in "\u03a3\u039f\u03a3")


def test_lexical_features_word_flags_match_word_at() -> None:
    """The vectorised word flags of lexical_features equal the flags of word_at() of each token, whatever
    the casing (including texts whose lower case changes length or depends on context)."""
    import numpy as np

    from presslens.analyzers.attribution.features import _word_flags, lexical_features, word_at

    texts = [
        'ACCORDING TO officials, "we will win," the Minister TOLD reporters.',
        "\u0130stanbul officials said \u03a3\u039f\u03a3 was sent; according to them it failed.",
        "Stra\u00dfe und \u00c9COLE: they CLAIMED that it's over, Sources Say.",
    ]
    for text in texts:
        spans = [m.span() for m in _WORD.finditer(text)]
        got = lexical_features(text, np.asarray(spans, dtype=np.int64), np.zeros(len(spans), np.float32))
        flags = [_word_flags(word_at(text, a)) for a, _b in spans]
        # columns of lexical_features holding the word flags:
        # cue word, speech verb, pronoun, "that", title, vague
        ref = np.asarray([[f[0], f[1], f[2], f[3], f[4], f[5]] for f in flags], dtype=np.float32)
        assert np.array_equal(got[:, [0, 1, 5, 9, 11, 13]], ref), text
        assert got[:, 0].any() and got[:, 1].any()


_SEPARATORS_AND_WORDS = st.text(alphabet=list("antheAHTEx ,;\n\t.\u00a0\u2003\u017f\u0130"), max_size=14)


@settings(max_examples=600, deadline=None)
@given(_SEPARATORS_AND_WORDS, st.integers(0, 3), st.integers(0, 3))
def test_trailing_determiner_start_equals_the_regex_search(text: str, lead: int, trail: int) -> None:
    from presslens.analyzers.attribution.tagger import trailing_determiner_start

    start, end = min(lead, len(text)), max(min(lead, len(text)), len(text) - trail)
    m = _DETERMINER_AFTER.search(text, start, end)
    assert m is not None
    assert trailing_determiner_start(text, start, end) == m.start()


def test_trailing_determiner_start_on_content_spans() -> None:
    from presslens.analyzers.attribution.tagger import trailing_determiner_start

    texts = ["destroyed overnight, a", "the bridge was hit; The ", "was hit, an\n", "bathe", "x the", " the"]
    for text in texts:
        m = _DETERMINER_AFTER.search(text, 0, len(text))
        assert m is not None and trailing_determiner_start(text, 0, len(text)) == m.start()
    assert trailing_determiner_start("destroyed overnight, a", 0, 22) == len("destroyed overnight")


_ANONYMOUS_PARTS = [
    "anonymity", "ANONYMOUS", "not to be named", "not being identified", "Not authorised", "familiar with",
    "declined to be named", "unnamed", "a source", "one source", "an official", "a senior defence official",
    "a Western source", "\u017fource", "the spokesman", "officials", "sources", "not", "named", "xsource",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ANONYMOUS_PARTS + ["said", "on Monday", ",", "the", "a"]), max_size=5))
def test_anonymous_marker_shortcut_equals_the_regex(parts: list[str]) -> None:
    from presslens.analyzers.attribution.lexicon import ANONYMOUS_MARKERS
    from presslens.analyzers.attribution.source_types import has_anonymous_marker

    text = " ".join(parts)
    assert has_anonymous_marker(text) == (ANONYMOUS_MARKERS.search(text) is not None)


def test_anonymous_marker_literals_cover_every_alternative() -> None:
    """Each top-level alternative of ANONYMOUS_MARKERS holds one of the literals the shortcut looks for."""
    from presslens.analyzers.attribution.lexicon import ANONYMOUS_MARKERS
    from presslens.analyzers.attribution.source_types import _ANONYMOUS_NEEDS

    for alternative in _split_top_level(ANONYMOUS_MARKERS.pattern):
        assert any(w in alternative.lower() for w in _ANONYMOUS_NEEDS), alternative
    for phrase in _ANONYMOUS_PARTS[:13]:
        assert ANONYMOUS_MARKERS.search(phrase), phrase


def _split_top_level(pattern: str) -> list[str]:
    """The alternatives of a pattern's outermost alternation."""
    out, depth, cur = [], 0, ""
    for ch in pattern:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return [*out, cur]


def test_lexical_quote_column_matches_quote_mask() -> None:
    """Column 2 of lexical_features (inside a quotation) is quote_mask() at each token's first character."""
    import numpy as np

    from presslens.analyzers.attribution.features import lexical_features, quote_mask

    texts = [
        '"We will win," he said. \u201cNever,\u201d she replied.\u201cAgain\u201d and "open',
        'No quotes at all.\n\n"A quote left open\n\nbefore a break" and "x" and ""',
        "\u201cOne\u201d\u201cTwo\u201d",
    ]
    for text in texts:
        spans = [m.span() for m in _WORD.finditer(text)] + [(len(text), len(text))]
        got = lexical_features(text, np.asarray(spans, dtype=np.int64), np.zeros(len(spans), np.float32))
        mask = [*quote_mask(text), 0]
        assert got[:, 2].tolist() == [float(mask[a]) for a, _b in spans[:-1]] + [0.0], text
        assert got[:, 2].any()
