"""Paragraph and sentence ranges over ``article.text``, exact to the character.

Paragraphs are blocks separated by blank lines. Inside a paragraph, a line break ends a sentence
unless the line looks soft-wrapped (the next line starts in lower case and the line does not end a
sentence). Sentences inside each line block come from syntok, which copes with missing spaces after
full stops ("wars.Next"), abbreviations, initials and quotes; a post-pass with the tables of
:mod:`presslens.abbreviations` re-joins a title split from its name ("Rep. | Adam Schiff") and breaks after an
abbreviation that ends a sentence before a clear opener ("in Washington, D.C. | Her father"). A hard line break
after such a title ("the Rev.\nDavid Dockery") does not end the sentence either. Ranges never include surrounding
whitespace.
"""

from __future__ import annotations

import re

import syntok.segmenter as _syntok

from presslens.abbreviations import breaks_after_abbreviations, continues_after_abbreviation
from presslens.article import Article, Range

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_TERMINAL = re.compile(r"""[.!?:;…"'”’)\]]\s*$""")


def paragraphs(text: str) -> list[Range]:
    """Ranges of non-blank blocks separated by one or more blank lines, trimmed of whitespace."""
    out: list[Range] = []
    pos = 0
    for m in _BLANK_LINES.finditer(text):
        _add_trimmed(text, pos, m.start(), out)
        pos = m.end()
    _add_trimmed(text, pos, len(text), out)
    return out


def _add_trimmed(text: str, start: int, end: int, out: list[Range]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def _line_blocks(text: str, start: int, end: int) -> list[Range]:
    """Split a paragraph into blocks at hard line breaks, keeping soft-wrapped lines together."""
    lines: list[Range] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        _add_trimmed(text, pos, stop, lines)
        pos = stop + 1
    blocks: list[Range] = []
    for s, e in lines:
        if blocks:
            ps, pe = blocks[-1]
            prev_line = text[ps:pe].rsplit("\n", 1)[-1]
            soft = text[s].islower() and not _TERMINAL.search(prev_line)
            soft = soft or continues_after_abbreviation(prev_line, text[s:e])
            if soft:
                blocks[-1] = (ps, e)
                continue
        blocks.append((s, e))
    return blocks


def sentences_in(text: str, start: int, end: int) -> list[Range]:
    """Sentence ranges (absolute offsets) for ``text[start:end]`` using syntok."""
    chunk = text[start:end]
    out: list[Range] = []
    for para in _syntok.analyze(chunk):
        for sent in para:
            toks = list(sent)
            if not toks:
                continue
            s = toks[0].offset
            e = toks[-1].offset + len(toks[-1].value)
            # syntok counts leading spacing into the first token's offset in rare cases; re-trim.
            _add_trimmed(chunk, s, e, out)
    out = _join_titles_to_names(chunk, _split_after_abbreviations(chunk, out))
    res = [(start + s, start + e) for s, e in out]
    return _cover_gaps(text, start, end, res)


def _split_after_abbreviations(chunk: str, sents: list[Range]) -> list[Range]:
    """Break syntok sentences after an abbreviation that ends a sentence ("the U.S. | They left")."""
    out: list[Range] = []
    for s, e in sents:
        pos = s
        for cut in breaks_after_abbreviations(chunk[s:e]):
            _add_trimmed(chunk, pos, s + cut, out)
            pos = s + cut
        _add_trimmed(chunk, pos, e, out)
    return out


def _join_titles_to_names(chunk: str, sents: list[Range]) -> list[Range]:
    """Merge a sentence that ends in a title ("Rep.", "Lt.") with the next one when that starts with the name."""
    out: list[Range] = []
    for s, e in sents:
        if out and continues_after_abbreviation(chunk[out[-1][0] : out[-1][1]], chunk[s:e]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _cover_gaps(text: str, start: int, end: int, sents: list[Range]) -> list[Range]:
    """Make sure no non-space character of the block is left outside every sentence."""
    if not sents:
        out: list[Range] = []
        _add_trimmed(text, start, end, out)
        return out
    fixed: list[Range] = []
    pos = start
    for s, e in sents:
        if text[pos:s].strip():
            if fixed:
                fixed[-1] = (fixed[-1][0], s)
                _retrim(text, fixed)
            else:
                s = pos
        fixed.append((s, e))
        pos = e
    if text[pos:end].strip():
        fixed[-1] = (fixed[-1][0], end)
        _retrim(text, fixed)
    return fixed


def _retrim(text: str, ranges: list[Range]) -> None:
    s, e = ranges[-1]
    tmp: list[Range] = []
    _add_trimmed(text, s, e, tmp)
    ranges[-1] = tmp[0] if tmp else (s, e)


def sentences(text: str, paras: list[Range] | None = None) -> list[Range]:
    out: list[Range] = []
    for ps, pe in paras if paras is not None else paragraphs(text):
        for bs, be in _line_blocks(text, ps, pe):
            out.extend(sentences_in(text, bs, be))
    return out


def segment(article: Article) -> Article:
    """Fill ``article.paragraphs`` and ``article.sentences`` in place and return the article."""
    article.paragraphs = paragraphs(article.text)
    article.sentences = sentences(article.text, article.paragraphs)
    return article

