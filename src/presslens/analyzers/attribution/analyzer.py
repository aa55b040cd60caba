"""The attribution analyzer: tagger spans with confidences, rules, merge, refine, typed findings."""

from __future__ import annotations

from typing import Any

import numpy as np

from presslens.analyzers.attribution.calibration import calibrated, calibration_inputs
from presslens.analyzers.attribution.content_edges import trim_frame_edges
from presslens.analyzers.attribution.continuation import (
    DASH_BLOCKS_CHOICES,
    DASH_BLOCKS_DEFAULT,
    HEADLINE_COLONS_CHOICES,
    HEADLINE_COLONS_DEFAULT,
    POST_LINES_CHOICES,
    POST_LINES_DEFAULT,
    citation_excerpts,
    colon_quotes,
    continued_quotes,
    dash_closed_blocks,
    embedded_posts,
    heading_quote_lists,
    merge_quote_lists,
    title_colon_candidates,
)
from presslens.analyzers.attribution.features import article_tokens
from presslens.analyzers.attribution.interview import (
    INTERVIEW_TURNS_CHOICES,
    INTERVIEW_TURNS_DEFAULT,
)
from presslens.analyzers.attribution.interview import (
    interview_turns as turn_candidates,
)
from presslens.analyzers.attribution.lexicon import ROLES
from presslens.analyzers.attribution.link import Attribution, link_tagged, merge
from presslens.analyzers.attribution.nested import nested_reports
from presslens.analyzers.attribution.refine import (
    UNLISTED_CUES_CHOICES,
    UNLISTED_CUES_DEFAULT,
    assess,
    pictures_not_speech,
    refine,
    repair,
    unlisted_cue,
)
from presslens.analyzers.attribution.report_nouns import (
    REPORT_NOUNS_CHOICES,
    REPORT_NOUNS_DEFAULT,
    retarget_report_nouns,
)
from presslens.analyzers.attribution.rules import rule_attributions
from presslens.analyzers.attribution.sanity import NAME_MAY_CHOICES, NAME_MAY_DEFAULT, adjective_noun_cue
from presslens.analyzers.attribution.sanity import name_may as may_as_name
from presslens.analyzers.attribution.scorer import (
    DEFAULT_SCORER,
    SCORER_CHOICES,
    learned_score,
    use_learned_scorer,
)
from presslens.analyzers.attribution.single_quotes import (
    SINGLE_QUOTES_CHOICES,
    SINGLE_QUOTES_DEFAULT,
    extend_single_quotes,
)
from presslens.analyzers.attribution.source_types import source_type
from presslens.analyzers.attribution.spans import Span, overlaps
from presslens.analyzers.attribution.tagger import Tagger, shipped_tagger, tag_logits, tagged_spans
from presslens.analyzers.attribution.unlisted import scored_unlisted
from presslens.analyzers.base import Analyzer, AnalyzerOption, AnalyzerOutput, Features, register
from presslens.analyzers.numeric import softmax
from presslens.article import Article, Finding, span_ref

# Analyzer
# ---------------------------------------------------------------------------------------------


def predict_spans(features: Features, tagger: Tagger) -> tuple[dict[str, list[Span]], dict[Span, float]]:
    """Tagger spans per role and a confidence per span."""
    article = features.article
    enc = features.encoded
    tokens = article_tokens(
        article.text, article.sentences, enc.token_states, enc.token_offsets, enc.stacked_token_states()
    )
    logits = tag_logits(tokens, run=tagger.run)
    if logits is None:
        return {r: [] for r in ROLES}, {}
    spans = tagged_spans(article.text, tokens, logits)
    probs = softmax(logits)
    conf: dict[Span, float] = {}
    starts = tokens.offsets[:, 0]
    ends = tokens.offsets[:, 1]
    # tokens are in text order, so the tokens inside a span are one contiguous run
    monotonic = bool(np.all(starts[1:] >= starts[:-1]) and np.all(ends[1:] >= ends[:-1]))
    for r, role in enumerate(ROLES):
        inside = 1.0 - probs[:, r, 0]
        sps = spans[role]
        if monotonic and sps:
            los = np.searchsorted(starts, [sp[0] for sp in sps], side="left").tolist()
            his = np.searchsorted(ends, [sp[1] for sp in sps], side="right").tolist()
            for sp, lo, hi in zip(sps, los, his, strict=True):
                if hi > lo:
                    total = inside[lo:hi].sum()
                    conf[sp] = float(total.dtype.type(total / (hi - lo)))  # what ndarray.mean computes
                else:
                    conf[sp] = 0.5
            continue
        for sp in sps:
            sel = (starts >= sp[0]) & (ends <= sp[1])
            conf[sp] = float(inside[sel].mean()) if sel.any() else 0.5
    return spans, conf


def _sentence_text(article: Article, span: Span) -> str:
    """The sentence holding ``span`` (the context for typing a source)."""
    i = article.sentence_index_at(span[0])
    if i is None:
        return article.text[span[0] : span[1]]
    s, e = article.sentences[i]
    return article.text[s:e]


def extract(
    features: Features,
    *,
    tagger: Tagger | None = None,
    use_model: bool = True,
    use_rules: bool = True,
    prefer: str = "tagger",
    same_cue: str = "tagger",
    raw_scores: bool = False,
    scorer: str = DEFAULT_SCORER,
    pictures: str = "candidate",
    adjective_nouns: str = "cue",
    relative_reports: str = "whole",
    unfound_speakers: str = "off",
    post_lines: str = POST_LINES_DEFAULT,
    headline_colons: str = HEADLINE_COLONS_DEFAULT,
    dash_blocks: str = DASH_BLOCKS_DEFAULT,
    unlisted_cues: str = UNLISTED_CUES_DEFAULT,
    interview_turns: str = INTERVIEW_TURNS_DEFAULT,
    name_may: str = NAME_MAY_DEFAULT,
    single_quotes: str = SINGLE_QUOTES_DEFAULT,
    report_nouns: str = REPORT_NOUNS_DEFAULT,
) -> list[Attribution]:
    """All attributions of the article (the analyzer's core, also used by the evaluation).

    ``tagger``: the tagging head (default: the shipped one; rules only when it does not load); ``use_model``
    false: rules only; ``raw_scores``: leave each score as the layers gave it (the calibrator's input, for
    fitting it) instead of the calibrated probability (or the learned scorer's, :mod:`.scorer`, when
    ``scorer="learned"``, the ``attribution.scorer`` option); ``pictures="candidate"`` (the
    ``attribution.pictures`` option, shipped) keeps "the video shows ..." below 0.5, "speech" asserts it as 2.3
    did (HISTORY.md 2.4); ``adjective_nouns="candidate"`` (the ``attribution.adjective_nouns`` option, not
    shipped) keeps a plural cue after an adjective ("similar reports") below 0.5 (HISTORY.md 2.6);
    ``relative_reports="cut"`` (the ``attribution.relative_reports`` option, not shipped) ends a relative clause's
    content before the main clause's reporting verb ("the woman who accused X of abuse, says ...", HISTORY.md
    2.7); ``unfound_speakers="on"`` (the ``attribution.unfound_speakers`` option, not shipped) finds a speaker the
    layers did not find before a parenthetical age or a relative clause and an auxiliary ("X, 53, denied", "X,
    who ..., has denied"), and the agent of "by" before a speaking relative clause (HISTORY.md 2.11);
    ``post_lines="link"`` (the ``attribution.post_lines`` option) takes the line right above an embedded post's
    link-only signature line as the post's text even when it quotes or reports, and a signature whose author's
    title is cut off by a line break ("\u2014 Sec.\\nName (@handle) date"; HISTORY.md 2.12);
    ``headline_colons="on"`` (the ``attribution.headline_colons`` option) adds the title line's "Name: what they
    said" and "what was said: Source" as candidates the score judges (:func:`.continuation.title_colon_candidates`,
    HISTORY.md 2.13); ``dash_blocks="on"`` (the ``attribution.dash_blocks`` option) adds a block closed by a line
    "\u2013Daily Mail" or a quotation closed by "\u201d \u2013Name" as a candidate the score judges
    (:func:`.continuation.dash_closed_blocks`, HISTORY.md 2.13); ``unlisted_cues="candidate"`` (the
    ``attribution.unlisted_cues`` option) keeps a tagged cue outside the reporting lexicon with a linked source as
    a candidate the score judges (:func:`.refine.unlisted_cue`, HISTORY.md 2.14); ``unlisted_cues="scored"`` keeps
    them too and, under the learned scorer, gives them the unlisted-cue model's score (:mod:`.unlisted`), capped
    at 0.45 unless "cue not a speech, reporting or writing predicate" is their only sanity problem;
    ``interview_turns="on"`` (the ``attribution.interview_turns`` option) adds the turns of an interview or
    transcript ("Name: what they said" lines, :func:`.interview.interview_turns`) as candidates the score judges;
    ``name_may="on"`` (the ``attribution.name_may`` option) reads a capitalised "May" as a name, not the modal
    (:func:`.sanity.name_may`: "Theresa May said" keeps its source, "May warned" is no hypothetical cue, and the
    learned scorer's "source has verb" trait does not count it; HISTORY.md 2.17); ``single_quotes="on"`` (the
    ``attribution.single_quotes`` option, stop 33) widens a content over the quotation in single marks it cuts
    (several sentences or paragraphs, or split by its frame: :func:`.single_quotes.extend_single_quotes`);
    ``report_nouns="on"`` (the ``attribution.report_nouns`` option, stop 33) makes a report noun with a that-clause
    ("heard reports that ...", "the unverified claim that ...") the source of that clause
    (:func:`.report_nouns.retarget_report_nouns`, GUIDELINE 8a)."""
    with may_as_name(name_may == "on"):
        return _extract(features, tagger, use_model, use_rules, prefer, same_cue, raw_scores, scorer, pictures,
                        adjective_nouns, relative_reports, unfound_speakers, post_lines, headline_colons,
                        dash_blocks, unlisted_cues, interview_turns, single_quotes, report_nouns)


def _extract(
    features: Features, tagger: Tagger | None, use_model: bool, use_rules: bool, prefer: str, same_cue: str,
    raw_scores: bool, scorer: str, pictures: str, adjective_nouns: str, relative_reports: str,
    unfound_speakers: str, post_lines: str, headline_colons: str, dash_blocks: str, unlisted_cues: str,
    interview_turns: str, single_quotes: str = SINGLE_QUOTES_DEFAULT, report_nouns: str = REPORT_NOUNS_DEFAULT,
) -> list[Attribution]:
    article = features.article
    tagged: list[Attribution] = []
    if use_model and tagger is None:
        tagger = shipped_tagger()
    if use_model and tagger is not None:
        spans, conf = predict_spans(features, tagger)
        tagged = link_tagged(article.text, spans, article.sentences, conf)
    text = article.text
    tagged = [a for a in (repair(text, a) for a in tagged) if a is not None]
    rules = rule_attributions(text, article.sentences) if use_rules else []
    merged = merge(rules, tagged, prefer, same_cue, text)
    unfound = unfound_speakers == "on"
    refined = refine(text, merged, article.sentences, unfound_speakers=unfound,
                     unlisted_cues=unlisted_cues in ("candidate", "scored"))
    if use_rules:
        taken = [a.content for a in refined if a.content is not None]
        posts = embedded_posts(text, link_line=post_lines == "link") + [
            c for c in colon_quotes(text) if not any(c.content is not None and overlaps(c.content, t) for t in taken)
        ]
        for p in posts:
            assess(text, p, article.sentences)
        refined = [a for a in refined if not any(_same_words(a, p) for p in posts)] + posts
        for h in title_colon_candidates(text) if headline_colons == "on" else []:
            held = [a.content for a in refined if a.content is not None]
            if h.content is not None and not any(overlaps(h.content, t) for t in held):
                assess(text, h, article.sentences)
                refined.append(h)
        for h in dash_closed_blocks(text) if dash_blocks == "on" else []:
            # a block holds the reports it quotes (one attribution per layer, guideline 8a): only an attribution
            # over at least half of the block already says the same
            held = [a.content for a in refined if a.content is not None]
            if h.content is not None and not any(_covers_half(t, h.content) for t in held):
                assess(text, h, article.sentences)
                refined.append(h)
        for h in turn_candidates(text) if interview_turns == "on" else []:
            # a turn holds the reports its speaker quotes: only an attribution over half of it says the same
            held = [a.content for a in refined if a.content is not None]
            if h.content is not None and not any(_covers_half(t, h.content) for t in held):
                assess(text, h, article.sentences)
                refined.append(h)
        lists = heading_quote_lists(text)
        for item in lists:
            assess(text, item, article.sentences)
        refined = merge_quote_lists(text, refined, lists)
        refined += nested_reports(text, refined, article.sentences, unfound_speakers=unfound)
        continued_quotes(text, refined, article.sentences)
        excerpts = citation_excerpts(text)
        for x in excerpts:
            assess(text, x, article.sentences)
        refined += excerpts
    for a in trim_frame_edges(text, refined, article.sentences, cut_relative_reports=relative_reports == "cut"):
        assess(text, a, article.sentences)
    if use_rules and single_quotes == "on":
        # after the frame trims: a quotation's edges hold no frame, and a report quoted inside it ("'... They told
        # us that for years,' Carlson said") must not cut the widened content back to the clause after its cue
        extend_single_quotes(text, refined, article.sentences)
    if use_rules and report_nouns == "on":
        # after the frame trims, which would cut a source that is the noun right before its content
        retarget_report_nouns(text, refined, article.sentences)
    if pictures == "candidate":
        for a in refined:
            if pictures_not_speech(text, a):
                a.sane = False
    if adjective_nouns == "candidate":
        for a in refined:
            if adjective_noun_cue(text, a.cue):
                a.sane = False
    if not raw_scores:
        learned = use_learned_scorer(scorer)
        sentences = list(article.sentences)
        for a in refined:
            if learned and unlisted_cues == "scored" and unlisted_cue(text, a.cue):
                a.score = scored_unlisted(text, a, sentences)
                continue
            a.score = learned_score(text, a, sentences) if learned else calibrated(*calibration_inputs(text, a))
    return sorted(refined, key=lambda a: a.cue)


def _covers_half(held: Span, block: Span) -> bool:
    """``held`` covers at least half of ``block``."""
    return min(held[1], block[1]) - max(held[0], block[0]) >= (block[1] - block[0]) / 2


def _same_words(a: Attribution, post: Attribution) -> bool:
    """A layer's attribution inside an embedded post (its cue within the post's text or signature)."""
    assert post.content is not None and post.source is not None
    return post.content[0] <= a.cue[0] < post.source[1]


@register("attribution")
class AttributionAnalyzer(Analyzer):
    version = "2.18"
    uses_encoder = True
    models = ("attribution",)
    optional_models = frozenset({"attribution"})
    """Without the tagger the rules still find quotes, ``according to`` and ``X said that`` (degraded)."""
    description = "Attributions (who said what): source with its type, reporting cue and attributed content."
    options = (
        AnalyzerOption("scorer", SCORER_CHOICES, DEFAULT_SCORER,
                       "attribution scores: 'learned' (shipped since 2.12, HISTORY.md 2.1 and 2.12) or 'calibrated' (the "
                       "six-input calibration, shipped until 2.11)"),
        AnalyzerOption("pictures", ("speech", "candidate"), "candidate",
                       "'the video shows ...': a candidate below 0.5 ('candidate', shipped) or an attribution "
                       "('speech', as in 2.3; HISTORY.md 2.4)"),
        AnalyzerOption("adjective_nouns", ("cue", "candidate"), "cue",
                       "a plural cue after an adjective ('similar reports'): a cue ('cue', shipped) or a candidate "
                       "below 0.5 ('candidate', experimental; HISTORY.md 2.6)"),
        AnalyzerOption("relative_reports", ("whole", "cut"), "whole",
                       "a relative clause's content ('the woman who accused X of abuse, says ...'): to the clause's "
                       "end ('whole', shipped) or cut before the main clause's reporting verb ('cut', experimental; "
                       "HISTORY.md 2.7)"),
        AnalyzerOption("unfound_speakers", ("off", "on"), "off",
                       "speakers the layers miss before a parenthetical age or a who-clause and an auxiliary, and "
                       "the agent of 'by' before a speaking relative clause: 'off' (shipped, 2.10's rules) or 'on' "
                       "(experimental; failed the ship rule, HISTORY.md 2.11)"),
        AnalyzerOption("post_lines", POST_LINES_CHOICES, POST_LINES_DEFAULT,
                       "an embedded post whose signature line holds only links: its text stops at a line that "
                       "quotes or reports ('signature', 2.10) or takes the line right above whatever it holds, "
                       "and a signature with the author's title cut off by a line break ('link', shipped since 2.12; "
                       "HISTORY.md 2.12)"),
        AnalyzerOption("headline_colons", HEADLINE_COLONS_CHOICES, HEADLINE_COLONS_DEFAULT,
                       "the title line's 'Name: what they said' and 'what was said: Source' as candidates the "
                       "score judges: 'off' (shipped) or 'on' (experimental; failed the ship rule, HISTORY.md 2.13)"),
        AnalyzerOption("dash_blocks", DASH_BLOCKS_CHOICES, DASH_BLOCKS_DEFAULT,
                       "a block closed by a line '\u2013Daily Mail' or a quotation closed by '\u201d \u2013Name' as a "
                       "candidate the score judges: 'on' (shipped since 2.13, HISTORY.md 2.13) or 'off' (2.12)"),
        AnalyzerOption("unlisted_cues", UNLISTED_CUES_CHOICES, UNLISTED_CUES_DEFAULT,
                       "a tagged cue with no word of the reporting lexicon ('decreed', 'made clear') and a linked "
                       "source: dropped ('off', 2.13), kept as a candidate the score judges ('candidate'; "
                       "HISTORY.md 2.14) or kept and scored by the unlisted-cue model ('scored', 2.15); both failed the "
                       "ship rule"),
        AnalyzerOption("interview_turns", INTERVIEW_TURNS_CHOICES, INTERVIEW_TURNS_DEFAULT,
                       "the turns of an interview or transcript ('Name: what they said' lines, at least two in the "
                       "article; the interviewer's bare questions aside) as candidates the score judges: 'off' "
                       "(shipped) or 'on' (stop 31)"),
        AnalyzerOption("name_may", NAME_MAY_CHOICES, NAME_MAY_DEFAULT,
                       "a capitalised 'May' inside a sentence or right before a lower-case cue: the modal ('off', "
                       "2.16 and 2.17: 'Theresa May said' loses 'May' from its source) or a name ('on', the default since "
                       "2.18: stop 32's option, pre-registered for dev16 and passed there at stop 33)"),
        AnalyzerOption("single_quotes", SINGLE_QUOTES_CHOICES, SINGLE_QUOTES_DEFAULT,
                       "a quotation in single marks ('...'): the content as the layers cut it ('off', shipped) or "
                       "widened to the whole quotation, over its sentences, paragraphs and a frame that splits it "
                       "('on', stop 33)"),
        AnalyzerOption("report_nouns", REPORT_NOUNS_CHOICES, REPORT_NOUNS_DEFAULT,
                       "a report noun with a that-clause ('heard reports that ...', 'the claim that ...'): the source "
                       "the linker found ('off', shipped) or the noun phrase itself, GUIDELINE 8a's cue-null "
                       "attribution ('on', stop 33)"),
    )

    def analyze(self, features: Features) -> AnalyzerOutput:
        self.ensure_loaded()
        article = features.article
        tagger: Tagger | None = self.model("attribution")
        found = extract(features, tagger=tagger, use_model=tagger is not None, scorer=self.option("scorer"),
                        pictures=self.option("pictures"), adjective_nouns=self.option("adjective_nouns"),
                        relative_reports=self.option("relative_reports"),
                        unfound_speakers=self.option("unfound_speakers"), post_lines=self.option("post_lines"),
                        headline_colons=self.option("headline_colons"), dash_blocks=self.option("dash_blocks"),
                        unlisted_cues=self.option("unlisted_cues"),
                        interview_turns=self.option("interview_turns"), name_may=self.option("name_may"),
                        single_quotes=self.option("single_quotes"), report_nouns=self.option("report_nouns"))
        with may_as_name(self.option("name_may") == "on"):  # source types read the source's words too
            findings = [self._finding(article, a) for a in found]
        return AnalyzerOutput(findings=findings)

    def _finding(self, article: Article, a: Attribution) -> Finding:
        parts = [p for p in (a.cue, a.source, a.content) if p is not None]
        start = min(p[0] for p in parts)
        end = max(p[1] for p in parts)
        stype = source_type(article.text, a.source, _sentence_text(article, a.source or a.cue))
        source: dict[str, Any] | None = None
        if a.source is not None:
            source = {**span_ref(article, *a.source), "type": stype}
        return Finding.at(
            article,
            start,
            end,
            kind="attribution",
            label=stype or "no_source",
            score=a.score,
            analyzer=self.name,
            attributes={
                "source": source,
                "cue": span_ref(article, *a.cue),
                "content": span_ref(article, *a.content) if a.content is not None else None,
                "method": "rules" if a.from_rules else "tagger",
            },
        )
