from __future__ import annotations

import json
from pathlib import Path

import pytest

from presslens.ingest import FieldMap, InputError, ReadOptions, read_file, read_inputs


def _items(paths: list[Path], **kw) -> list:
    return list(read_inputs([str(p) for p in paths], ReadOptions(**kw)))


def test_examples_in_both_header_styles(examples_dir: Path) -> None:
    a = read_file(examples_dir / "mobilisation.txt")
    assert a.title == "The Kremlin's mobilisation is running out of men"
    assert str(a.date) == "2022-10-04"
    assert "date 2022" not in a.text
    assert a.text.startswith(a.title)
    assert a.text[a.sentences[1][0] :].startswith("Two weeks after")
    assert a.language == "en"
    b = read_file(examples_dir / "date-header.txt")
    assert b.title == "Shelling hits power station near the front line"
    assert str(b.date) == "2023-03-14"
    assert b.text.startswith("Shelling hits")
    assert len(b.paragraphs) == 3


def test_crlf_bom_and_tabs(tmp_path: Path) -> None:
    p = tmp_path / "w.txt"
    p.write_bytes("\ufeffTitle\r\n\r\nBody\twith tab.\r\n".encode())
    a = read_file(p)
    assert a.text == "Title\n\nBody with tab.\n"
    assert a.title == "Title"


def test_jsonl_with_field_mapping(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    rows = [
        {"doc": "a1", "headline": "First", "body": "Troops moved north on Monday.", "published": "2022-09-21"},
        {"doc": "a2", "body": "Second article text here.", "published": "21 September 2022"},
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    fm = FieldMap.parse(["id=doc", "title=headline", "text=body", "date=published"])
    items = _items([p], fields=fm)
    assert [i.id for i in items] == ["a1", "a2"]
    assert items[0].title == "First" and items[0].text.startswith("First\n\nTroops")
    assert str(items[1].date) == "2022-09-21"
    assert items[1].origin == f"{p}:2"


def test_csv_reader(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text('id,title,text\n1,Head,"Body one, with comma."\n2,,"Body two."\n')
    items = _items([p])
    assert [i.id for i in items] == ["1", "2"]
    assert items[0].title == "Head"


def test_directory_is_recursive(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Alpha text here.")
    (tmp_path / "sub" / "b.txt").write_text("Beta text here.")
    (tmp_path / "skip.bin").write_bytes(b"\x00\x01")
    items = _items([tmp_path])
    assert sorted(i.id for i in items) == ["a", "b"]


def test_html_reader(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    body = " ".join(["Officials said the convoy reached the city on Monday after a long delay."] * 4)
    p.write_text(
        "<html><head><title>Convoy reaches city</title><meta name='date' content='2022-05-02'></head>"
        f"<body><nav>Home | News</nav><article><h1>Convoy reaches city</h1><p>{body}</p>"
        f"<p>{body}</p></article><footer>Copyright</footer></body></html>"
    )
    a = read_file(p)
    assert a.title == "Convoy reaches city"
    assert "Officials said the convoy" in a.text
    assert "Copyright" not in a.text


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("empty.txt", b"   \n\n", "empty file"),
        ("bin.txt", b"\x00\x01\x02binary\x00", "binary"),
        ("latin.txt", "Caf\u00e9 news".encode("latin-1"), "not valid UTF-8"),
        ("nomain.html", b"<html><body><nav>Menu</nav></body></html>", "no main text"),
    ],
)
def test_bad_files_become_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    (item,) = _items([p])
    assert isinstance(item, InputError)
    assert message in str(item) and str(p) in str(item)


def test_invalid_utf8_with_replacement(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Caf\u00e9 news about the war.".encode("latin-1"))
    (item,) = _items([p], replace_errors=True)
    assert "\ufffd" in item.text


def test_size_limit_and_missing(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("word " * 1000)
    (item,) = _items([p], max_bytes=100)
    assert isinstance(item, InputError) and "limit" in item.message
    (missing,) = _items([tmp_path / "nope.txt"])
    assert isinstance(missing, InputError) and "no such file" in missing.message


def test_malformed_jsonl_names_line_and_keeps_others(tmp_path: Path) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text('{"text": "Good one."}\n{"text": broken\n{"title": "no text"}\n{"text": "Good two."}\n')
    items = _items([p])
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "InputError", "InputError", "Article"]
    assert items[1].line == 2 and str(items[1]).startswith(f"{p}:2: malformed JSON")
    assert items[2].line == 3


def test_malformed_csv_row(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text('id,text\n1,"Fine text."\n2,"x",extra\n3,"Also fine."\n')
    items = _items([p])
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    assert items[1].line == 3


def test_url_needs_fetch_opt_in() -> None:
    (item,) = list(read_inputs(["https://example.org/a"], ReadOptions()))
    assert isinstance(item, InputError) and "--fetch" in item.message


def test_impossible_date_marker_refuses_the_article_with_its_line(tmp_path: Path) -> None:
    """User trial s25: ``date 2022-13-45`` used to stay in the text and cost the title; now the item is an
    :class:`InputError` naming the file and line, and a valid marker is still read (text = what offsets index)."""
    bad = tmp_path / "bad.txt"
    bad.write_text("Exodus at the border\n\ndate 2022-02-30\nMore than 26 men left.\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Exodus at the border\n\ndate 2022-02-28\nMore than 26 men left.\n", encoding="utf-8")
    items = _items([bad, good])
    assert isinstance(items[0], InputError)
    assert items[0].origin == str(bad) and items[0].line == 3
    assert "'date 2022-02-30' is not a real date" in items[0].message
    assert not isinstance(items[1], InputError)
    assert str(items[1].date) == "2022-02-28" and items[1].title == "Exodus at the border"
    assert items[1].text == "Exodus at the border\n\nMore than 26 men left.\n"
