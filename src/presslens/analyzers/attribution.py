"""Who said what: attributions (source, cue, content) with the source's type.

Two layers share the output format:

* a learned token tagger: a small BiGRU head (ONNX, ``models/attribution/tagger.onnx``) over the
  shared encoder's frozen token states of the whole article plus a few lexical features, predicting
  BIO tags for Source, Cue and Content independently (attributions nest, so roles may overlap);
* rules for the cases a reader expects never to miss: direct quotes paired with a reporting verb
  (``"...," he said`` / ``He said: "..."``), ``according to X, ...``, ``X said/reported that ...``,
  ``..., X told Y`` and vague sources (``some reports suggest ...``).

Spans of both layers are merged (rules win where they overlap a tagged span of the same role), cues
are linked to the nearest source and content, and each source is typed person / organisation /
outlet / anonymous / vague by a lexicon.
"""

from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from presslens.analyzers.base import Analyzer, AnalyzerOutput, Features, register
from presslens.article import Article, Finding, span_ref

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "attribution"
TAGGER_NAME = "tagger.onnx"
ROLES = ("source", "cue", "content")
SOURCE_TYPES = ("person", "organisation", "outlet", "anonymous", "vague")
Span = tuple[int, int]

# ---------------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------------

_CUE_STEMS = (
    "say said says saying tell told tells telling report reported reports reporting claim claimed claims "
    "claiming state stated states stating announce announced announces announcing add added adds adding "
    "note noted notes noting warn warned warns warning explain explained explains insist insisted insists "
    "argue argued argues arguing suggest suggested suggests suggesting allege alleged alleges alleging "
    "confirm confirmed confirms deny denied denies acknowledge acknowledged admit admitted admits "
    "write wrote writes written writing tweet tweeted tweets post posted declare declared declares "
    "believe believed believes think thinks thought predict predicted predicts estimate estimated "
    "estimates assert asserted asserts maintain maintained maintains accuse accused accuses "
    "describe described describes call called calls quote quoted quotes cite cited cites "
    "indicate indicated indicates show showed shows reveal revealed reveals mention mentioned "
    "promise promised promises vow vowed vows urge urged urges ask asked asks reply replied "
    "respond responded responds recall recalled recalls concede conceded observe observed "
    "according"
)
CUE_WORDS = frozenset(_CUE_STEMS.split())
SPEECH_VERBS = frozenset(
    "said says say told tells tell added adds asked asks wrote writes claimed claims stated states "
    "reported reports insisted insists warned warns explained explains noted notes argued argues "
    "declared declares replied replies responded responds tweeted tweets posted posts announced "
    "announces suggested suggest suggests alleged alleges continued continues recalled recalls "
    "admitted admits acknowledged acknowledges confirmed confirms denied denies".split()
)
PRONOUNS = frozenset("he she they i we it you him her them who".split())
PERSON_PRONOUNS = frozenset("he she i we you him her".split())
TITLE_WORDS = frozenset(
    "president minister spokesman spokeswoman spokesperson secretary general colonel commander "
    "mayor governor senator ambassador chief director official officials adviser advisor lawyer "
    "prosecutor mr mrs ms dr prime deputy head leader analyst expert witness resident residents "
    "sergeant captain lieutenant major admiral marshal king queen prince chancellor pope envoy "
    "representative rep sen gen col lt capt professor researcher correspondent editor".split()
)
PERSON_HEADS = frozenset(
    "officer soldier soldiers man woman mother father son daughter doctor nurse volunteer farmer teacher "
    "student survivor refugee journalist reporter activist priest worker engineer pilot fighter "
    "commander spokesman spokeswoman spokesperson negotiator diplomat".split()
)
VAGUE_HEADS = frozenset(
    "reports report information sources rumours rumors claims accounts estimates media press "
    "officials observers experts analysts critics some many others people authorities insiders "
    "diplomats commentators witnesses residents locals".split()
)
ANONYMOUS_MARKERS = re.compile(
    r"anonymity|not (?:to be |being )?(?:named|identified)|not authori[sz]ed|familiar with|"
    r"declined to be (?:named|identified)|unnamed|anonymous|a source\b|one source\b|an official\b|"
    r"a (?:senior|security|military|government|western|diplomatic) (?:\w+ )?(?:source|official)",
    re.I,
)
OUTLET_NAMES = re.compile(
    r"\b(?:Reuters|AFP|Agence France-Presse|Associated Press|AP|BBC|CNN|Fox News|MSNBC|NBC|CBS|ABC News|"
    r"Al Jazeera|Bloomberg|Politico|Axios|Breitbart|HuffPost|Huffington Post|New York Times|"
    r"Washington Post|Wall Street Journal|Guardian|Financial Times|Economist|Le Monde|Der Spiegel|"
    r"Haaretz|Times of Israel|TASS|RIA Novosti|Interfax|Ukrinform|Kyiv Independent|Ukrainska Pravda|"
    r"Kommersant|Izvestia|Xinhua|Anadolu|Yonhap|Kyodo|USA Today|NPR|Sky News|Euronews|DW|"
    r"Deutsche Welle|Times|Post|Journal|Gazette|Herald|Tribune|Telegraph)\b"
)
OUTLET_WORDS = frozenset(
    "newspaper newspapers daily outlet outlets agency broadcaster broadcasters channel magazine tabloid "
    "website paper television tv radio wire".split()
)
ORG_WORDS = frozenset(
    "ministry government army military forces police un nato pentagon kremlin commission council "
    "committee department office agency company party campaign administration court parliament "
    "congress senate cabinet union organisation organization group institute foundation bank "
    "embassy command staff service services navy airforce guard brigade battalion regiment "
    "hospital university corporation firm authority authorities coalition alliance fund center centre "
    "groups nations organisations organizations agencies ministries companies parties unions charities charity "
    "white house downing street who unicef unhcr icrc ohchr hamas hezbollah idf fsb sbu cia fbi".split()
)

# Straight and typographic quote characters.
OPEN_QUOTES = "\u201c\u00ab\u201e"
CLOSE_QUOTES = "\u201d\u00bb"
STRAIGHT_QUOTE = '"'

N_LEX = 14

# ---------------------------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------------------------


class _Tagger:
    """Lazy, process-wide ONNX session for the BiGRU tagging head."""

    _session: Any = None
    _missing = False
    _lock = threading.Lock()

    @classmethod
    def session(cls) -> Any:
        if cls._session is None and not cls._missing:
            with cls._lock:
                path = MODEL_DIR / TAGGER_NAME
                if not path.exists():
                    cls._missing = True
                    return None
                import onnxruntime as ort

                opts = ort.SessionOptions()
                opts.intra_op_num_threads = 1
                opts.inter_op_num_threads = 1
                cls._session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        return cls._session


# ---------------------------------------------------------------------------------------------
# Token features shared by training and run time
# ---------------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+(?:['\u2019]\w+)*|\S")


def quote_mask(text: str) -> list[int]:
    """Per character: 1 inside a quotation (quote marks included), else 0.

    Curly quotes pair open/close; straight double quotes toggle. A quote left open at a paragraph
    break (blank line) is closed there, as news style reopens quotes in the next paragraph.
    """
    mask = [0] * len(text)
    for s, e in quote_spans(text):
        mask[s:e] = [1] * (e - s)
    return mask


_QUOTE_OR_BREAK = re.compile('\n\n|["' + OPEN_QUOTES + CLOSE_QUOTES + "]")


def quote_spans(text: str) -> list[Span]:
    """(start, end) of each quotation including its quote marks."""
    out: list[Span] = []
    open_at: int | None = None
    open_char = ""
    for m in _QUOTE_OR_BREAK.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n\n":
            open_at = None
            continue
        if ch in OPEN_QUOTES or (ch == STRAIGHT_QUOTE and open_at is None):
            if open_at is None or ch == open_char:
                open_at, open_char = i, ch
            continue
        if open_at is not None and (
            ch in CLOSE_QUOTES or (ch == STRAIGHT_QUOTE and open_char == STRAIGHT_QUOTE)
        ):
            if i - open_at > 1:
                out.append((open_at, i + 1))
            open_at = None
    return out


def word_at(text: str, pos: int) -> str:
    """The word containing character ``pos`` (lower case)."""
    s = pos
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "'\u2019-"):
        s -= 1
    e = pos
    while e < len(text) and (text[e].isalnum() or text[e] in "'\u2019-"):
        e += 1
    return text[s:e].lower() if e > s else text[pos : pos + 1]


_QUOTE_CHARS = OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTE
_NO_FEATURES = (0.0,) * N_LEX


def _word_flags(w: str) -> tuple[bool, bool, bool, bool, bool, bool]:
    return (w in CUE_WORDS, w in SPEECH_VERBS, w in PRONOUNS, w == "that", w in TITLE_WORDS, w in VAGUE_HEADS)


def lexical_features(text: str, offsets: np.ndarray, sentence_first: np.ndarray) -> np.ndarray:
    """(tokens, N_LEX) float32 features for tokens with absolute char ``offsets`` into ``text``."""
    n = len(offsets)
    if n == 0:
        return np.zeros((0, N_LEX), dtype=np.float32)
    qmask = quote_mask(text)
    rows: list[tuple[float | bool, ...]] = []
    flags: dict[str, tuple[bool, bool, bool, bool, bool, bool]] = {}
    prev_word = ""
    for (s, e), first in zip(offsets.tolist(), sentence_first.tolist(), strict=True):
        if e <= s:
            rows.append(_NO_FEATURES)
            continue
        w = word_at(text, s)
        f = flags.get(w)
        if f is None:
            f = flags[w] = _word_flags(w)
        ch = text[s]
        cont = s > 0 and text[s - 1].isalnum() and ch.isalnum()
        rows.append(
            (
                f[0],
                f[1],
                qmask[s],
                ch in _QUOTE_CHARS,
                ch.isupper(),
                f[2],
                cont,
                ch in ",.:;!?",
                first,
                f[3],
                ch.isdigit(),
                f[4],
                w == "to" and prev_word == "according",
                f[5],
            )
        )
        if not cont:
            prev_word = w
    return np.asarray(rows, dtype=np.float32)


@dataclass
class ArticleTokens:
    """The article's encoder tokens in order, with absolute char offsets and model inputs."""

    offsets: np.ndarray
    sentence_of: np.ndarray
    inputs: np.ndarray


def article_tokens(
    text: str, sentence_ranges: list[Span], states: list[np.ndarray], offsets: list[np.ndarray]
) -> ArticleTokens:
    """Concatenate per-sentence token states (+ lexical features) into one article sequence."""
    offs: list[np.ndarray] = []
    sent_of: list[np.ndarray] = []
    firsts: list[np.ndarray] = []
    mats: list[np.ndarray] = []
    for i, ((s, _e), st, off) in enumerate(zip(sentence_ranges, states, offsets, strict=True)):
        if len(off) == 0:
            continue
        keep = off[:, 1] > off[:, 0]
        off = off[keep].astype(np.int64) + s
        st = np.asarray(st[keep], dtype=np.float32)
        first = np.zeros(len(off), dtype=np.float32)
        if len(off):
            first[0] = 1.0
        offs.append(off)
        sent_of.append(np.full(len(off), i, dtype=np.int64))
        firsts.append(first)
        mats.append(st)
    if not offs:
        return ArticleTokens(
            np.zeros((0, 2), np.int64), np.zeros(0, np.int64), np.zeros((0, 384 + N_LEX), np.float32)
        )
    all_off = np.concatenate(offs)
    lex = lexical_features(text, all_off, np.concatenate(firsts))
    inputs = np.concatenate([np.concatenate(mats), lex], axis=1).astype(np.float32)
    return ArticleTokens(all_off, np.concatenate(sent_of), inputs)


def tag_logits(tokens: ArticleTokens) -> np.ndarray | None:
    """(tokens, 3 roles, 3 BIO) logits from the ONNX head, or None if the model is missing."""
    sess = _Tagger.session()
    if sess is None or len(tokens.inputs) == 0:
        return None
    out = sess.run(["logits"], {"inputs": tokens.inputs[None, :, :]})[0][0]
    return np.asarray(out, dtype=np.float32).reshape(len(tokens.inputs), 3, 3)


def decode_bio(text: str, offsets: np.ndarray, tags: np.ndarray) -> list[Span]:
    """Spans from one role's tag sequence (0=O, 1=B, 2=I); an I after O starts a span."""
    spans: list[Span] = []
    cur: list[int] | None = None
    for t, tag in enumerate(tags):
        if tag == 1 or (tag == 2 and cur is None):
            if cur is not None:
                spans.append((cur[0], cur[1]))
            cur = [int(offsets[t, 0]), int(offsets[t, 1])]
        elif tag == 2 and cur is not None:
            cur[1] = int(offsets[t, 1])
        else:
            if cur is not None:
                spans.append((cur[0], cur[1]))
            cur = None
    if cur is not None:
        spans.append((cur[0], cur[1]))
    return [_word_align(text, s, e) for s, e in spans]


def _word_align(text: str, s: int, e: int) -> Span:
    while s > 0 and text[s - 1].isalnum() and text[s].isalnum():
        s -= 1
    while e < len(text) and text[e].isalnum() and text[e - 1].isalnum():
        e += 1
    return s, e


_EDGE_PUNCT = " \t\n,;:.!?\"'\u201c\u201d\u2018\u2019()"
_STOP_SOURCES = frozenset("to a an the of and or in on at by for that as with from".split())


def tagged_spans(text: str, tokens: ArticleTokens, logits: np.ndarray) -> dict[str, list[Span]]:
    """Spans per role; source and cue spans lose edge punctuation, lone function words are dropped."""
    tags = logits.argmax(axis=2)
    out: dict[str, list[Span]] = {}
    for r, role in enumerate(ROLES):
        spans = decode_bio(text, tokens.offsets, tags[:, r])
        if role != "content":
            spans = [_strip_span(text, s, e, _EDGE_PUNCT) for s, e in spans]
            spans = [sp for sp in spans if sp[1] > sp[0] and text[sp[0] : sp[1]].lower() not in _STOP_SOURCES]
        if role == "source":
            spans = [_with_determiner(text, sp) for sp in spans]
        if role == "content":
            spans = [_drop_trailing_determiner(text, sp) for sp in spans]
        out[role] = [sp for sp in spans if sp[1] > sp[0]]
    return out


_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|A|An|The)\s+$")
_DETERMINER_AFTER = re.compile(r"(?:[\s,;]+(?:a|an|the))?[\s,;]*$", re.I)


def _with_determiner(text: str, sp: Span) -> Span:
    """``a military spokesman`` rather than ``military spokesman``."""
    m = _DETERMINER_BEFORE.search(text, max(0, sp[0] - 5), sp[0])
    return (m.start(), sp[1]) if m else sp


def _drop_trailing_determiner(text: str, sp: Span) -> Span:
    """``destroyed overnight, a`` -> ``destroyed overnight`` (the article belongs to the next source)."""
    m = _DETERMINER_AFTER.search(text, sp[0], sp[1])
    if m and m.start() > sp[0] and text[sp[1] - 1] not in "\"\u201d'\u2019":
        return sp[0], m.start()
    return sp


# ---------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------

_SPEECH = r"(?:" + "|".join(sorted(SPEECH_VERBS - {"continued", "continues"}, key=len, reverse=True)) + r")"
_TAIL_SPEECH = r"(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")"
_CLAUSE_CUE = (
    r"(?:said|says|reported|reports|claimed|claims|stated|states|announced|announces|warned|warns|"
    r"suggest|suggests|suggested|insisted|insists|argued|argues|added|adds|alleged|alleges|believe|believes|"
    r"believed|estimate|estimates|estimated|indicated|indicates|confirmed|confirms|denied|denies|wrote|"
    r"writes|show|shows|showed|acknowledged|admitted|noted|notes|explained|declared|tweeted)"
)
_ACCORDING = re.compile(
    r"\b(?P<cue>[Aa]ccording to)\s+(?P<src>[^,.;:!?\"\u201c\u201d]{2,100}?)(?=\s*[,.;:!?]|\s*$)"
)
_THAT_CLAUSE = re.compile(
    r"\b(?P<cue>" + _CLAUSE_CUE + r"|told\s+(?:\w+\s+){0,4}?(?=that\b))"
    r"(?P<mid>(?:\s+(?:on|last|this|late|early)\s+\w+)?\s*,?\s*)(?P<that>that\s+|:\s*)?"
    r"(?P<content>[^\"\u201c\u201d]*?)(?=[.!?](?:\s|$)|$)"
)
_TOLD = re.compile(
    r",\s*(?P<src>(?:[\w'\u2019.-]+\s+){0,7}?)(?P<cue>" + _SPEECH + r")\b(?P<tail>[^,;]*)[.!?]?\s*$"
)
_BOUNDARY = ',;:"\u201c\u201d()\u2014'
_WORD_RE = re.compile(r"[\w'\u2019.-]+")
_NOISE_WORDS = frozenset(
    "and but so yet then meanwhile however now also in on at has have had also later previously "
    "repeatedly earlier once again would will may might could has".split()
)


@dataclass
class RuleAttribution:
    cue: Span
    source: Span | None
    content: Span | None


def _strip_span(text: str, s: int, e: int, chars: str = " \t\n,;:") -> Span:
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


def source_before(text: str, floor: int, pos: int, max_words: int = 7) -> Span | None:
    """The noun phrase that ends just before ``pos``: back to a clause boundary, at most ``max_words``."""
    s = pos
    while s > floor and text[s - 1] not in _BOUNDARY and text[s - 1] not in ".!?\n":
        s -= 1
    words = [(m.start() + s, m.end() + s) for m in _WORD_RE.finditer(text[s:pos])]
    while words and text[words[-1][0] : words[-1][1]].lower() in _NOISE_WORDS:
        words.pop()
    words = words[-max_words:]
    while words and text[words[0][0] : words[0][1]].lower() in _NOISE_WORDS:
        words.pop(0)
    if not words:
        return None
    if (
        len(words) == max_words
        and not text[words[0][0]].isupper()
        and text[words[0][0] : words[0][1]].lower() not in ("the", "a", "an", "some", "many", "one")
    ):
        return None  # no clear start of a noun phrase: likely not a source
    return words[0][0], words[-1][1]


def source_after(text: str, pos: int, limit: int, max_words: int = 7) -> Span | None:
    """The noun phrase right after ``pos`` (``said the commander``), up to a comma or full stop."""
    e = pos
    while e < limit and text[e] not in _BOUNDARY and text[e] not in ".!?\n":
        e += 1
    words = [(m.start() + pos, m.end() + pos) for m in _WORD_RE.finditer(text[pos:e])]
    words = words[:max_words]
    # a time expression ends the source ("said the governor on Monday")
    for k, (ws, we) in enumerate(words):
        if text[ws:we].lower() in (
            "on",
            "in",
            "at",
            "last",
            "this",
            "late",
            "early",
            "after",
            "before",
            "during",
        ):
            words = words[:k]
            break
    if not words:
        return None
    end = words[-1][1] - 1 if text[words[-1][1] - 1] == "." else words[-1][1]
    return words[0][0], end


def rule_attributions(text: str, sentence_ranges: list[Span]) -> list[RuleAttribution]:
    """Attributions found by quote pairing and cue patterns (no model)."""
    out: list[RuleAttribution] = []
    used_cues: list[Span] = []
    quotes = [q for q in quote_spans(text) if q[1] - q[0] >= 12]  # scare quotes are not content

    def add(att: RuleAttribution) -> None:
        if not any(_overlaps(att.cue, c) for c in used_cues):
            used_cues.append(att.cue)
            out.append(att)

    for qs, qe in quotes:
        found = _quote_attribution(text, qs, qe, sentence_ranges)
        if found is not None:
            add(found)
    contents = [a.content for a in out if a.content is not None]
    for s, e in sentence_ranges:
        sent = text[s:e]
        for m in _ACCORDING.finditer(sent):
            cue = (s + m.start("cue"), s + m.end("cue"))
            src = _strip_span(text, s + m.start("src"), s + m.end("src"))
            add(RuleAttribution(cue, src, _according_content(text, s, e, cue, src)))
        tm = _TOLD.search(sent)
        if tm is not None and tm.group("src").strip():
            cue = (s + tm.start("cue"), s + tm.end("cue"))
            src = _strip_span(text, s + tm.start("src"), s + tm.end("src"))
            content = _strip_span(text, s, s + tm.start())
            if (
                content[1] - content[0] >= 10
                and not _inside_any(cue, quotes)
                and not _noun_use(text, cue)
                and not tm.group("src").lower().startswith("according")
            ):
                add(RuleAttribution(cue, src, content))
        pos = 0
        while (cm := _THAT_CLAUSE.search(sent, pos)) is not None:
            pos = cm.start("cue") + 1
            cue = _strip_span(text, s + cm.start("cue"), s + cm.end("cue"))
            if _inside_any(cue, quotes) or _inside_any(cue, contents):
                continue
            content = _strip_span(text, s + cm.start("content"), s + cm.end("content"))
            if len(text[content[0] : content[1]].split()) < 3 or text[
                content[0] : content[1]
            ].lower().startswith(("on ", "in ", "at ", "by ", "to ", "of ")):
                continue
            if _noun_use(text, cue) or _inside_any(cue, [a.source for a in out if a.source is not None]):
                continue
            clause_src = source_before(text, s, cue[0])
            if clause_src is None:
                continue
            if cm.group("cue").startswith("told"):
                cue = (cue[0], cue[0] + 4)
            add(RuleAttribution(cue, clause_src, content))
    return out


_DETERMINERS = frozenset(
    "the a an some many several these those such news press media local unconfirmed earlier recent "
    "new his her their its our official police".split()
)


def _noun_use(text: str, cue: Span) -> bool:
    """``reports``/``claims``/``estimates`` used as a noun (``some reports suggest``), not as a verb."""
    word = text[cue[0] : cue[1]].lower()
    if not word.endswith("s") or word in ("says", "was"):
        return False
    prev = re.findall(r"[\w'\u2019-]+", text[max(0, cue[0] - 30) : cue[0]])
    return bool(prev) and prev[-1].lower() in _DETERMINERS


def _inside_any(span: Span, spans: list[Span]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _according_content(text: str, s: int, e: int, cue: Span, src: Span) -> Span | None:
    """The clause an ``according to`` phrase attributes: the rest of the sentence around it."""
    after = _strip_span(text, src[1], e, " \t\n,;:.")
    before = _strip_span(text, s, cue[0], " \t\n,;:")
    cands = [sp for sp in (after, before) if sp[1] - sp[0] >= 8]
    if not cands:
        return None
    return max(cands, key=lambda sp: sp[1] - sp[0])


def _sentence_at(ranges: list[Span], pos: int) -> Span | None:
    for s, e in ranges:
        if s <= pos < e:
            return (s, e)
    return None


_AFTER_QUOTE = re.compile(
    r"\s*,?\s*(?P<pre>(?:[\w'\u2019.-]+\s+){0,7}?)(?P<cue>" + _TAIL_SPEECH + r"|according to)\b"
)


def _quote_attribution(text: str, qs: int, qe: int, ranges: list[Span]) -> RuleAttribution | None:
    """Pair a quotation with a cue just after it (`"...," he said`) or just before it (`He said: "..."`)."""
    line_end = text.find("\n", qe)
    limit = min(len(text), qe + 140, line_end if line_end >= 0 else len(text))
    m = _AFTER_QUOTE.match(text, qe, limit)
    if m is not None and not re.search(r"[.!?;]", m.group("pre")):
        cue = (m.start("cue"), m.end("cue"))
        if m.group("pre").strip():
            src: Span | None = _strip_span(text, m.start("pre"), m.end("pre"))
        else:
            src = source_after(text, cue[1], limit)
        if cue[1] - cue[0] == len("according to") and text[cue[0] : cue[1]].lower() == "according to":
            src = source_after(text, cue[1], limit)
        return RuleAttribution(cue, src, (qs, qe))
    sent = _sentence_at(ranges, qs)
    lead_start = sent[0] if sent is not None and sent[0] < qs else max(0, qs - 200)
    if sent is not None and sent[0] == qs:
        # the quote opens its sentence: the cue may close the previous sentence with a colon
        prev = _sentence_at(ranges, max(0, qs - 2))
        lead_start = prev[0] if prev is not None and text[:qs].rstrip().endswith(":") else qs
    lead = text[lead_start:qs]
    best: RuleAttribution | None = None
    for cm in re.finditer(r"\b(?P<cue>" + _SPEECH + r"|according to)\b", lead):
        cue = (lead_start + cm.start("cue"), lead_start + cm.end("cue"))
        between = text[cue[1] : qs]
        if len(between) > 60 or re.search(r"[.!?]\s", between):
            continue
        if cm.group("cue").lower() == "according to":
            sm = re.match(r"\s*(?P<src>[^,:\"\u201c]{2,80}?)\s*[,:]", between)
            src2 = (cue[1] + sm.start("src"), cue[1] + sm.end("src")) if sm else None
        else:
            src2 = source_before(text, lead_start, cue[0])
            if src2 is None:
                src2 = source_after(text, cue[1], qs)
        best = RuleAttribution(cue, src2, (qs, qe))
    return best


# ---------------------------------------------------------------------------------------------
# Merging, linking and typing
# ---------------------------------------------------------------------------------------------


@dataclass
class Attribution:
    cue: Span
    source: Span | None
    content: Span | None
    score: float
    from_rules: bool


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def link_tagged(
    text: str, spans: dict[str, list[Span]], sentence_ranges: list[Span], role_scores: dict[Span, float]
) -> list[Attribution]:
    """Attach to every tagged cue the nearest source and content.

    Sources come from the cue's sentence. Contents are linked in two passes: first every cue takes the
    nearest free content in its own sentence, then cues still without one may take a free content from
    the neighbouring sentence of the same paragraph (a quote that runs over, ``He said: "..."``).
    """
    sent_starts = [s for s, _ in sentence_ranges]

    def sent_idx(pos: int) -> int:
        i = bisect.bisect_right(sent_starts, pos) - 1
        return i if i >= 0 and pos < sentence_ranges[i][1] else -1

    cues = sorted(spans["cue"])
    cue_sent = {cue: sent_idx(cue[0]) for cue in cues}
    free_contents = list(spans["content"])
    contents: dict[Span, Span] = {}
    for same_pass in (True, False):
        for cue in cues:
            if cue in contents:
                continue
            ci = cue_sent[cue]
            if same_pass:
                cands = [c for c in free_contents if _touches(c, ci, sentence_ranges)]
            else:
                cands = [
                    c
                    for c in free_contents
                    if abs(sent_idx(c[0]) - ci) <= 1 and "\n\n" not in _between(text, c, cue)
                ]
            content = _nearest_content(text, cue, cands)
            if content is not None:
                contents[cue] = content
                free_contents.remove(content)
    out: list[Attribution] = []
    for cue in cues:
        ci = cue_sent[cue]
        src = _nearest(cue, [s for s in spans["source"] if sent_idx(s[0]) == ci and not _overlaps(s, cue)])
        content = contents.get(cue)
        if src is None and content is None:
            continue
        scores = [role_scores.get(x, 0.5) for x in (cue, src, content) if x is not None]
        out.append(Attribution(cue, src, content, float(np.mean(scores)), False))
    return out


def _between(text: str, a: Span, b: Span) -> str:
    lo, hi = (a, b) if a[0] <= b[0] else (b, a)
    return text[lo[1] : hi[0]]


def _nearest_content(text: str, cue: Span, cands: list[Span]) -> Span | None:
    """Nearest content, preferring spans of three words or more (``on Monday`` is rarely content)."""
    if not cands:
        return None
    near = _nearest(cue, [c for c in cands if len(text[c[0] : c[1]].split()) >= 3])
    return near if near is not None else _nearest(cue, cands)


def _touches(span: Span, sent: int, ranges: list[Span]) -> bool:
    if sent < 0:
        return False
    s, e = ranges[sent]
    return span[0] < e and s < span[1]


def _nearest(cue: Span, cands: list[Span]) -> Span | None:
    if not cands:
        return None

    def dist(sp: Span) -> int:
        if sp[1] <= cue[0]:
            return cue[0] - sp[1]
        if sp[0] >= cue[1]:
            return sp[0] - cue[1]
        return 0

    return min(cands, key=dist)


def merge(
    rules: list[RuleAttribution],
    tagged: list[Attribution],
    prefer: str = "tagger",
    same_cue: str = "tagger",
    text: str = "",
) -> list[Attribution]:
    """Combine both layers.

    ``prefer="tagger"``: tagged attributions are kept; a rule attribution whose cue overlaps a tagged cue
    only fills that one's missing source or content (``same_cue="tagger"``) or replaces it
    (``same_cue="rules"``); tagged cues inside a rule's source are dropped; other rule attributions are added.
    ``prefer="rules"``: rule attributions are kept and tagged ones clashing with them dropped.
    """
    if prefer == "rules":
        out = [Attribution(r.cue, r.source, r.content, 0.9, True) for r in rules]
        for t in tagged:
            if not any(_clash(t, r) for r in rules):
                out.append(t)
        return sorted(out, key=lambda a: a.cue)
    rule_sources = [r.source for r in rules if r.source is not None]
    out = [t for t in tagged if not any(_overlaps(t.cue, rs) for rs in rule_sources)]
    for r in rules:
        same = [t for t in out if _overlaps(t.cue, r.cue)]
        if same and same_cue == "tagger":
            t = same[0]
            if t.source is None and r.source is not None:
                t.source = r.source
            if r.content is not None and (t.content is None or _short(text, t.content)):
                t.content = r.content
            continue
        if same_cue == "rules":
            out = [t for t in out if t not in same]
        elif any(_clash(t, r) for t in out):
            continue
        out.append(Attribution(r.cue, r.source, r.content, 0.9, True))
    return sorted(out, key=lambda a: a.cue)


_CIRCUMSTANCE = re.compile(
    r"(?:on|in|at|last|this|during|after|before|by|since|early|late|yesterday|today|overnight)\b", re.I
)


def _short(text: str, span: Span) -> bool:
    """A short tagged content that looks like a circumstance (``on Monday``), not what was said."""
    piece = text[span[0] : span[1]]
    return bool(text) and len(piece.split()) < 3 and bool(_CIRCUMSTANCE.match(piece))


def _clash(t: Attribution, r: RuleAttribution) -> bool:
    return _overlaps(t.cue, r.cue) or (
        t.content is not None
        and r.content is not None
        and _overlaps(t.content, r.content)
        and _overlaps_near(t.cue, r.cue)
    )


def _overlaps_near(a: Span, b: Span, gap: int = 40) -> bool:
    return a[0] - gap < b[1] and b[0] - gap < a[1]


def source_type(text: str, src: Span | None, context: str) -> str | None:
    """person / organisation / outlet / anonymous / vague for a source span (None without one)."""
    if src is None:
        return None
    s = text[src[0] : src[1]]
    if ANONYMOUS_MARKERS.search(s) and not _has_proper_name(s.split(",")[0]):
        return "anonymous"
    s = s.split(",")[0]  # "Olena Kovalenko, a volunteer at ..." is typed by its head
    words = [w.lower() for w in re.findall(r"[\w'\u2019-]+", s)]
    if not words:
        return None
    if ANONYMOUS_MARKERS.search(s) or ANONYMOUS_MARKERS.search(context):
        if not _has_proper_name(s):
            return "anonymous"
    head = _head_word(words)
    if head in TITLE_WORDS - VAGUE_HEADS or head in PERSON_HEADS:
        return "person"
    if OUTLET_NAMES.search(s) or head in OUTLET_WORDS or any(w in OUTLET_WORDS for w in words[-2:]):
        if not (words[0] in ("press", "media") and head in VAGUE_HEADS):
            return "outlet"
    if head in VAGUE_HEADS and not _has_proper_name(s):
        return "vague"
    if words[0] in (
        "some",
        "many",
        "several",
        "various",
        "unconfirmed",
        "unverified",
        "local",
        "press",
        "media",
    ):
        return "vague"
    if len(words) == 1 and words[0] in PERSON_PRONOUNS:
        return "person"
    if words[0] == "they" or words[0] == "it":
        return "vague" if words[0] == "they" else "organisation"
    if head in ORG_WORDS or any(w in ORG_WORDS for w in words) and not any(w in TITLE_WORDS for w in words):
        return "organisation"
    if s.isupper() and len(s) <= 8:
        return "organisation"
    return "person"


def _head_word(words: list[str]) -> str:
    if "of" in words:
        i = words.index("of")
        if i > 0:
            return words[i - 1]
    return words[-1]


def _has_proper_name(s: str) -> bool:
    toks = s.split()
    return any(
        t[:1].isupper() and t.lower() not in VAGUE_HEADS and t.lower() not in TITLE_WORDS for t in toks[1:]
    ) or (len(toks) == 1 and toks[0][:1].isupper() and toks[0].lower() not in PRONOUNS | VAGUE_HEADS)


# ---------------------------------------------------------------------------------------------
# Analyzer
# ---------------------------------------------------------------------------------------------

_SPAN_SCHEMA = {
    "type": "object",
    "required": ["start", "end", "text"],
    "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}, "text": {"type": "string"}},
}
_SOURCE_SCHEMA = {
    "type": ["object", "null"],
    "required": ["start", "end", "text", "type"],
    "properties": {
        "start": {"type": "integer"},
        "end": {"type": "integer"},
        "text": {"type": "string"},
        "type": {"enum": list(SOURCE_TYPES)},
    },
}


def predict_spans(features: Features) -> tuple[dict[str, list[Span]], dict[Span, float]]:
    """Tagger spans per role (empty when the model file is absent) and a confidence per span."""
    article = features.article
    enc = features.encoded
    tokens = article_tokens(article.text, article.sentences, enc.token_states, enc.token_offsets)
    logits = tag_logits(tokens)
    if logits is None:
        return {r: [] for r in ROLES}, {}
    spans = tagged_spans(article.text, tokens, logits)
    probs = _softmax(logits)
    conf: dict[Span, float] = {}
    starts = tokens.offsets[:, 0]
    ends = tokens.offsets[:, 1]
    for r, role in enumerate(ROLES):
        inside = 1.0 - probs[:, r, 0]
        for sp in spans[role]:
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


def _softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - x.max(axis=-1, keepdims=True))
    return np.asarray(z / z.sum(axis=-1, keepdims=True))


def extract(
    features: Features,
    *,
    use_model: bool = True,
    use_rules: bool = True,
    prefer: str = "tagger",
    same_cue: str = "tagger",
) -> list[Attribution]:
    """All attributions of the article (the analyzer's core, also used by the evaluation)."""
    article = features.article
    tagged: list[Attribution] = []
    if use_model:
        spans, conf = predict_spans(features)
        tagged = link_tagged(article.text, spans, article.sentences, conf)
    rules = rule_attributions(article.text, article.sentences) if use_rules else []
    return merge(rules, tagged, prefer, same_cue, article.text)


@register("attribution")
class AttributionAnalyzer(Analyzer):
    version = "1.0"
    description = "Attributions (who said what): source with its type, reporting cue and attributed content."
    attribute_schemas = {
        "attribution": {
            "type": "object",
            "required": ["source", "cue", "content", "method"],
            "properties": {
                "source": _SOURCE_SCHEMA,
                "cue": _SPAN_SCHEMA,
                "content": {"oneOf": [_SPAN_SCHEMA, {"type": "null"}]},
                "method": {"enum": ["rules", "tagger"]},
            },
        }
    }

    def analyze(self, features: Features) -> AnalyzerOutput:
        article = features.article
        findings = [self._finding(article, a) for a in extract(features)]
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
