"""Hostile and huge input (issue 16): each case puts one hostile item between good ones and checks the
message, the exit status, and that the good items were still written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from presslens.cli import main
from presslens.ingest import ArticleLimits, InputError, ReadOptions, read_inputs
from presslens.language import ANALYSED_LANGUAGES, in_ranges
from tests.conftest import check_report_dict

LIGHT = ["--only", "figures"]  # rule-based analyzer: fast; the checks are about reading, not analysis
GOOD_TEXT = "Border queues grow\n\nMore than 260,000 men have left, officials said. The queue is 20 km long.\n"
GOOD_LINE = json.dumps({"text": "More than 98,000 men crossed the border, officials said."})


def write(p: Path, data: str | bytes) -> Path:
    if isinstance(data, bytes):
        p.write_bytes(data)
    else:
        p.write_text(data, encoding="utf-8")
    return p


def batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], hostile: list[str], *extra: str
) -> tuple[int, list[dict], list[str]]:
    """Run ``good1.txt HOSTILE... good2.txt`` to a JSONL file; return exit status, output items, stderr lines."""
    good1 = write(tmp_path / "good1.txt", GOOD_TEXT)
    good2 = write(tmp_path / "good2.txt", GOOD_TEXT.replace("260,000", "120,000"))
    out_path = tmp_path / "out.jsonl"
    rc = main(["analyze", str(good1), *hostile, str(good2), "-o", str(out_path), *LIGHT, *extra])
    _, err = capsys.readouterr()
    items = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
    assert items[0]["article"]["id"] == "good1" and items[-1]["article"]["id"] == "good2"
    for item in items:
        if "error" not in item:
            check_report_dict(item)
    assert "Traceback" not in err
    return rc, items, [line for line in err.splitlines() if line.strip()]


def errors_of(items: list[dict]) -> list[dict]:
    return [i["error"] for i in items if "error" in i]


def test_jsonl_line_nested_100000_deep(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deep = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    corpus = write(tmp_path / "c.jsonl", f"{GOOD_LINE}\n{deep}\n{GOOD_LINE}\n")
    rc, items, err = batch(tmp_path, capsys, [str(corpus)])
    assert rc == 1
    assert err == [f"presslens: error: {corpus}:2: JSON nested too deeply to read"]
    assert errors_of(items) == [{"origin": str(corpus), "line": 2, "message": "JSON nested too deeply to read"}]
    assert len(items) == 5  # good1, line 1, the error, line 3, good2


def test_lone_surrogate_is_replaced_and_noted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = '{"id": "s\\ud800", "text": "Shelling killed \\udc00 12 people on Monday, officials said."}'
    corpus = write(tmp_path / "c.jsonl", f"{GOOD_LINE}\n{hostile}\n{GOOD_LINE}\n")
    rc, items, err = batch(tmp_path, capsys, [str(corpus)])
    assert rc == 0
    assert err == [f"presslens: note: {corpus}:2: unpaired surrogate escapes replaced with U+FFFD in 'id', 'text'"]
    (report,) = [i for i in items if i["article"]["origin"] == f"{corpus}:2"]
    assert report["article"]["id"] == "s\ufffd"
    assert "killed \ufffd 12 people" in report["article"]["text"]
    assert any(f["text"] == "12 people" or "12" in f["text"] for f in report["findings"])
    assert len(items) == 5


def test_csv_cell_over_the_default_field_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long_cell = "Convoys waited at the border for 3 days. " * 3500  # about 143,000 characters
    assert len(long_cell) > 131_072
    corpus = write(tmp_path / "c.csv", f'id,text\nfirst,"Good one, 5 men."\nlong,"{long_cell}"\nlast,"Good two."\n')
    rc, items, err = batch(tmp_path, capsys, [str(corpus)])
    assert rc == 0 and err == []
    assert [i["article"]["id"] for i in items] == ["good1", "first", "long", "last", "good2"]
    assert items[2]["article"]["text"] == long_cell


def test_csv_parse_error_ends_the_file_without_fragments(tmp_path: Path) -> None:
    """A row the csv module rejects (here: a cell over the limit given) is one error, not fragment articles."""
    cell = "x " * 3000
    corpus = write(tmp_path / "c.csv", f'id,text\n1,"Good."\n2,"{cell}"\n3,"Also\n\nfine."\n4,"Good."\n')
    items = list(read_inputs([str(corpus)], ReadOptions(max_bytes=1000, notify=None)))
    assert [type(i).__name__ for i in items] == ["InputError"]  # the whole file is over 1000 bytes
    import csv

    old = csv.field_size_limit(100)
    try:
        from presslens.ingest.corpus import CorpusOptions, read_csv

        text = corpus.read_text()
        got = list(read_csv(text, str(corpus), CorpusOptions(max_bytes=50), "c"))
    finally:
        csv.field_size_limit(old)
    assert [type(i).__name__ for i in got] == ["Article", "InputError"]
    assert isinstance(got[1], InputError) and "the rest of the file is not read" in got[1].message


def test_dev_zero_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, items, err = batch(tmp_path, capsys, ["/dev/zero"])
    assert rc == 1
    assert err == [
        "presslens: error: /dev/zero: is a character device, not a regular file; "
        "pipe it to standard input ('-') to read it"
    ]
    assert len(items) == 3


def _cli(args: list[str], **kw) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "presslens", *args], capture_output=True, env=env, check=False, **kw)


def test_endless_stdin_stops_at_max_bytes(tmp_path: Path) -> None:
    good1 = write(tmp_path / "good1.txt", GOOD_TEXT)
    good2 = write(tmp_path / "good2.txt", GOOD_TEXT)
    out_path = tmp_path / "out.jsonl"
    with open("/dev/zero", "rb") as endless:
        proc = _cli(
            ["analyze", str(good1), "-", str(good2), "-o", str(out_path), "--max-bytes", "64KB", *LIGHT],
            stdin=endless, timeout=300,
        )
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == [
        "presslens: error: <stdin>: input is over the 0.1 MB limit (raise it with --max-bytes)"
    ]
    items = [json.loads(line) for line in out_path.read_text().splitlines()]
    assert [i.get("article", {}).get("id") for i in items] == ["good1", None, "good2"]


def test_fifo_without_writer_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jsonl"  # a corpus extension: counting articles must not open it either
    os.mkfifo(fifo)
    good1 = write(tmp_path / "good1.txt", GOOD_TEXT)
    good2 = write(tmp_path / "good2.txt", GOOD_TEXT)
    out_path = tmp_path / "out.jsonl"
    proc = _cli(["analyze", str(good1), str(fifo), str(good2), "-o", str(out_path), *LIGHT], timeout=300)
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == [
        f"presslens: error: {fifo}: is a FIFO (named pipe), not a regular file; "
        "pipe it to standard input ('-') to read it"
    ]
    assert len(out_path.read_text().splitlines()) == 3


def test_jsonl_unicode_line_breaks_inside_strings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd = json.dumps({"id": "odd", "text": "Line\u2028separator and\u0085next line: 40 tanks."}, ensure_ascii=False)
    corpus = write(tmp_path / "c.jsonl", f"{GOOD_LINE}\n{odd}\n{{broken\n{GOOD_LINE}\n")
    rc, items, err = batch(tmp_path, capsys, [str(corpus)])
    assert rc == 1
    assert len(err) == 1 and err[0].startswith(f"presslens: error: {corpus}:3: malformed JSON")
    assert [i["article"]["id"] if "article" in i else i["error"]["line"] for i in items] == [
        "good1", "c:1", "odd", 3, "c:4", "good2"
    ]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_bom_is_stripped(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    if fmt == "csv":
        body = 'id,text\nfirst,"More than 5,000 people fled."\nsecond,"Good two."\n'
    else:
        body = json.dumps({"id": "first", "text": "More than 5,000 people fled."}) + "\n"
        body += json.dumps({"id": "second", "text": "Good two."}) + "\n"
    corpus = write(tmp_path / f"c.{fmt}", "\ufeff" + body)
    rc, items, err = batch(tmp_path, capsys, [str(corpus)])
    assert rc == 0 and err == []
    assert [i["article"]["id"] for i in items] == ["good1", "first", "second", "good2"]


RUSSIAN = (
    "Официальные лица заявили, что колонна из 40 грузовиков прибыла в город в понедельник после долгой "
    "задержки. По их словам, 3000 человек покинули район."
)
ENGLISH = "Officials said a convoy of 12 trucks reached the city on Monday after a long delay at the border."


def test_mixed_language_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mixed = write(tmp_path / "mixed.txt", f"{RUSSIAN}\n\n{ENGLISH}\n\n{RUSSIAN}\n\n{ENGLISH}\n")
    rc, items, err = batch(tmp_path, capsys, [str(mixed)])
    assert rc == 0
    assert len(err) == 1 and err[0].startswith(f"presslens: note: {mixed}: 2 paragraph(s)")
    assert "in ru not analysed" in err[0]
    (report,) = [i for i in items if i["article"]["id"] == "mixed"]
    art = report["article"]
    text = art["text"]
    ranges = [tuple(r) for r in art["unsupported_ranges"]]
    assert art["language"] == "en"
    assert [text[s:e] for s, e in ranges] == [RUSSIAN, RUSSIAN]
    assert all(not in_ranges(s, ranges) for s, _ in art["sentences"])
    assert {text[s:e] for s, e in art["sentences"]} == {ENGLISH}
    figures = [f["text"] for f in report["findings"]]
    assert figures and all("12" in t for t in figures)  # none of the Russian 40 or 3000
    assert all(not in_ranges(f["start"], ranges) for f in report["findings"])


def test_english_article_has_no_unsupported_ranges(examples_dir: Path) -> None:
    (art,) = read_inputs([str(examples_dir / "mobilisation.txt")])
    assert not isinstance(art, InputError)
    assert art.language == "en" and art.unsupported_ranges == []


def test_analysed_languages_match_the_analyzers() -> None:
    from presslens.pipeline import Pipeline

    langs = set().union(*(a.languages for a in Pipeline().analyzers))
    assert langs - {"*"} == set(ANALYSED_LANGUAGES)


@pytest.mark.parametrize("content", ["\u200b\u200b\u200b\n", "\ufeff\ufeff\ufeff", "\u200b \u2060\ufeff\n\u00ad"])
def test_invisible_only_file_is_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str) -> None:
    bad = write(tmp_path / "zw.txt", content)
    rc, items, err = batch(tmp_path, capsys, [str(bad)])
    assert rc == 1
    assert err == [f"presslens: error: {bad}: empty file (no visible text)"]
    assert len(items) == 3


def test_invisible_only_jsonl_record_has_no_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = write(tmp_path / "c.jsonl", f'{GOOD_LINE}\n{{"text": "\\u200b\\ufeff"}}\n{GOOD_LINE}\n')
    rc, items, err = batch(tmp_path, capsys, [str(corpus)])
    assert rc == 1 and err == [f"presslens: error: {corpus}:2: record has no text in field 'text'"]
    assert len(items) == 5


def _nested_html(depth: int) -> str:
    para = "Officials said the convoy of 12 trucks reached the city on Monday after a long delay. " * 4
    return f"<html><body>{'<div>' * depth}<p>{para}</p>{'</div>' * depth}</body></html>"


def test_html_nested_deeper_than_libxml_default_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = write(tmp_path / "deep.html", _nested_html(300))
    rc, items, err = batch(tmp_path, capsys, [str(page)])
    assert rc == 0 and err == []
    assert "convoy of 12 trucks" in items[1]["article"]["text"]


def test_html_nested_too_deep_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = write(tmp_path / "deeper.html", _nested_html(3000))
    rc, items, err = batch(tmp_path, capsys, [str(page)])
    assert rc == 1
    assert err == [f"presslens: error: {page}: HTML is nested more than 2,000 elements deep, deeper than presslens reads"]
    assert len(items) == 3


def test_article_over_the_character_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = write(tmp_path / "big.txt", "Troops moved 5 km north on Monday. " * 200)  # 7,000 characters
    rc, items, err = batch(tmp_path, capsys, [str(big)], "--max-article-chars", "5000")
    assert rc == 1
    assert err == [
        f"presslens: error: {big}: article is 7,000 characters, over the per-article limit of 5,000 "
        "(split it into smaller articles, or raise --max-article-chars)"
    ]
    assert len(items) == 3


def test_article_over_the_sentence_limit_in_a_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    many = json.dumps({"text": "Troops moved. " * 60})
    corpus = write(tmp_path / "c.jsonl", f"{GOOD_LINE}\n{many}\n{GOOD_LINE}\n")
    rc, items, err = batch(tmp_path, capsys, [str(corpus)], "--max-article-sentences", "50")
    assert rc == 1
    assert err == [
        f"presslens: error: {corpus}:2: article has 60 sentences, over the per-article limit of 50 "
        "(split it into smaller articles, or raise --max-article-sentences)"
    ]
    assert errors_of(items)[0]["line"] == 2 and len(items) == 5


def test_default_limits_are_documented() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "HOSTILE_INPUT.md").read_text()
    limits = ArticleLimits()
    assert f"{limits.max_chars:,}" in doc and f"{limits.max_sentences:,}" in doc


# ---------------------------------------------------------------- structure fuzz (JSONL, CSV, HTML)

import csv  # noqa: E402
import io  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from presslens.article import Article  # noqa: E402

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ODD_CHARS = "\u2028\u2029\u0085\u200b\u200c\ufeff\u00a0\t\r\x0b\x0c\x1c\x1e\x7f\u202e\u00ad\"',;{}[]<>&\\"
any_text = st.text(
    alphabet=st.one_of(st.characters(exclude_categories=()), st.sampled_from(ODD_CHARS)), max_size=40
)
words = st.text(alphabet=st.sampled_from("abcdefgh ABC 0123456789.,"), min_size=0, max_size=30)
json_scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), any_text)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(any_text, inner, max_size=3)),
    max_leaves=12,
)


def check_offsets(art: Article) -> None:
    n = len(art.text)
    for rng in (art.paragraphs, art.sentences, art.unsupported_ranges):
        assert all(0 <= s < e <= n for s, e in rng)
        assert rng == sorted(rng)
    assert all(not in_ranges(s, art.unsupported_ranges) for s, _ in art.sentences)
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in art.text)
    art.text.encode("utf-8")  # always writable
    (art.id or "").encode("utf-8")


@st.composite
def jsonl_lines(draw: st.DrawFn) -> str:
    """One JSONL line: a record (text may be anything), a scalar or array, a truncated or deeply nested one,
    with BOMs, CRs and Unicode line breaks sprinkled in."""
    rec: dict[str, object] = draw(st.dictionaries(st.sampled_from(["id", "title", "text", "date", "x"]), json_value))
    if draw(st.integers(0, 3)):
        rec["text"] = draw(st.one_of(any_text, words))
    kind = draw(st.sampled_from(["record"] * 6 + ["scalar", "truncated", "deep", "bigint"]))
    if kind == "scalar":
        line = json.dumps(draw(json_value))
    elif kind == "deep":
        depth = draw(st.integers(1, 5000))
        line = '{"text": ' + "[" * depth + '"x"' + "]" * depth + "}"
    elif kind == "bigint":
        line = '{"text": "Five men.", "id": ' + "9" * 5000 + "}"
    else:
        raw = json.dumps(rec, ensure_ascii=False)
        has_surrogate = any(0xD800 <= ord(ch) <= 0xDFFF for ch in raw)
        line = json.dumps(rec) if has_surrogate or draw(st.booleans()) else raw
        if kind == "truncated":
            line = line[: draw(st.integers(1, max(1, len(line) - 1)))]
    if draw(st.booleans()):
        line = "\ufeff" + line
    if draw(st.booleans()):
        line += "\r"
    return line


def _encodable(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


@FUZZ
@given(lines=st.lists(jsonl_lines(), min_size=1, max_size=6))
def test_fuzz_jsonl_structure(tmp_path: Path, lines: list[str]) -> None:
    corpus = tmp_path / "f.jsonl"
    good = json.dumps({"id": "good", "text": "More than 5,000 people left."})
    all_lines = [good, *lines, good]
    data = _encodable("\n".join(all_lines) + "\n")
    corpus.write_bytes(data)
    items = list(read_inputs([str(corpus)], ReadOptions(notify=None)))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:  # a raw surrogate written into the file: the file is refused as a whole
        assert [type(i) for i in items] == [InputError]
        return
    expected_lines = [n for n, line in enumerate(all_lines, start=1) if line.lstrip("\ufeff").strip()]
    got_lines = [i.line if isinstance(i, InputError) else int(str(i.origin).rsplit(":", 1)[1]) for i in items]
    assert got_lines == expected_lines  # one item per line, in order, named by its line
    assert isinstance(items[0], Article) and isinstance(items[-1], Article)
    for it in items:
        if isinstance(it, Article):
            check_offsets(it)
        else:
            assert it.origin == str(corpus) and "\n" not in it.message


@st.composite
def csv_documents(draw: st.DrawFn) -> tuple[str, bool]:
    """A CSV document written by the csv module with random quoting and delimiter-laden cells, sometimes
    damaged afterwards (a stray quote, a BOM, mixed line ends). Returns it and whether it was damaged."""
    cell = st.one_of(words, st.text(alphabet=st.sampled_from("ab ,\"\n\r;'\u2028\ufeff\u200b"), max_size=12))
    n_rows = draw(st.integers(0, 5))
    rows = [[draw(words), draw(cell), draw(cell)] for _ in range(n_rows)]
    buf = io.StringIO()
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]))
    terminator = draw(st.sampled_from(["\n", "\r\n"]))
    writer = csv.writer(buf, quoting=quoting, lineterminator=terminator)
    writer.writerow(["id", "text", "extra"])
    writer.writerow(["good1", "More than 5,000 people left.", ""])
    writer.writerows(rows)
    doc = buf.getvalue()
    damaged = draw(st.booleans())
    if damaged:
        pos = draw(st.integers(0, len(doc)))
        doc = doc[:pos] + draw(st.sampled_from(['"', ",", "\r", "\n\n", '"x"y', "\x1e"])) + doc[pos:]
    # the csv writer leaves a bare "\r" unquoted when its line end is "\n" (QUOTE_MINIMAL), and the csv reader
    # then refuses that row: such a document is malformed too, even though nothing damaged it afterwards
    if quoting == csv.QUOTE_MINIMAL and terminator == "\n" and any("\r" in c for row in rows for c in row):
        damaged = True
    if draw(st.booleans()):
        doc = "\ufeff" + doc
    return doc, damaged


@FUZZ
@given(doc=csv_documents())
def test_fuzz_csv_structure(tmp_path: Path, doc: tuple[str, bool]) -> None:
    text, damaged = doc
    corpus = write(tmp_path / "f.csv", text)
    items = list(read_inputs([str(corpus)], ReadOptions(notify=None)))
    n_records = len(list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))) - 1
    assert len(items) <= max(n_records, 1)  # never more items than rows: no fragment "articles"
    for it in items:
        if isinstance(it, Article):
            check_offsets(it)
        else:
            assert it.origin == str(corpus) and (it.line or 0) >= 1
    if not damaged:
        assert isinstance(items[0], Article) and items[0].id == "good1"
        assert all(not isinstance(i, InputError) or "record has no text" in i.message for i in items)


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    """Random element trees: nesting from 0 to 3,000 deep, unclosed tags, comments, entities, odd characters."""
    tags = ["div", "p", "span", "article", "section", "table", "td", "b", "li", "main", "nav", "footer"]
    para = "Officials said the convoy of 12 trucks reached the city on Monday after a long delay. " * 3
    depth = draw(st.sampled_from([0, 3, 40, 255, 257, 600, 3000]))
    opening = "".join(f"<{draw(st.sampled_from(tags))} class=\"{draw(words)}\">" for _ in range(min(depth, 50)))
    opening += "<div>" * max(0, depth - 50)
    closing = "" if draw(st.booleans()) else "</div>" * depth
    noise = draw(st.lists(st.sampled_from(
        ["<!-- c -->", "&amp;", "&#xD800;", "&bogus;", "<![CDATA[x]]>", "<p", "</p>", "\u2028", "\x0c", "\ufeff"]
    ), max_size=6))
    body = draw(st.sampled_from(["", para, para + "".join(noise)]))
    prefix = "\ufeff" if draw(st.booleans()) else ""
    return f"{prefix}<html><head><title>{draw(words)}</title></head><body>{opening}<p>{body}</p>{closing}</body></html>"


@FUZZ
@given(page=html_documents())
def test_fuzz_html_structure(tmp_path: Path, page: str) -> None:
    path = write(tmp_path / "f.html", page)
    items = list(read_inputs([str(path)], ReadOptions(notify=None)))
    assert len(items) == 1
    (it,) = items
    if isinstance(it, Article):
        check_offsets(it)
        assert it.text.strip()
    else:
        assert it.origin == str(path)
        assert any(m in it.message for m in ("no main text", "nested", "empty file")), it.message


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(jsonl_lines(), min_size=1, max_size=3))
def test_fuzz_batch_writes_the_good_items(tmp_path: Path, capsys: pytest.CaptureFixture[str], lines: list[str]) -> None:
    """End to end: hostile lines between good files and good lines; one error line per bad item."""
    corpus = tmp_path / "f.jsonl"
    corpus.write_bytes(_encodable("\n".join([GOOD_LINE, *lines, GOOD_LINE]) + "\n"))
    capsys.readouterr()
    rc, items, err = batch(tmp_path, capsys, [str(corpus)])
    errors = errors_of(items)
    assert len([e for e in err if e.startswith("presslens: error: ")]) == len(errors)
    assert rc == (1 if errors else 0)
    reports = [i for i in items if "article" in i]
    assert len(reports) >= 4  # good1, the first and last line of the corpus, good2
