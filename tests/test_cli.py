"""End-to-end tests of `presslens analyze`: formats, batches with bad inputs, progress bar, atomic output."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from presslens.cli import main
from tests.conftest import check_report_dict

LIGHT = ["--only", "figures"]  # rule-based analyzer: fast CLI tests; full pipeline is tested elsewhere

GOOD = "Border queues grow\n\nMore than 260,000 men have left, officials said. The queue is 20 km long.\n"


def write(p: Path, data: str | bytes) -> Path:
    if isinstance(data, bytes):
        p.write_bytes(data)
    else:
        p.write_text(data, encoding="utf-8")
    return p


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(args)
    out, err = capsys.readouterr()
    return rc, out, err


def test_json_for_one_article_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = write(tmp_path / "a.txt", GOOD)
    rc, out, err = run_cli(["analyze", str(p), *LIGHT], capsys)
    assert rc == 0 and err == ""
    d = json.loads(out)
    check_report_dict(d)
    assert d["article"]["title"] == "Border queues grow"
    assert d["article"]["id"] == "a"


def test_example_full_pipeline_html(tmp_path: Path, examples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "r.html"
    rc, out, err = run_cli(["analyze", str(examples_dir / "mobilisation.txt"), "-f", "html", "-o", str(out_path)], capsys)
    assert rc == 0, err
    html = out_path.read_text()
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "mobilisation is running out of men" in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html


BAD_INPUTS = [
    ("missing", None, "no such file"),
    ("empty.txt", b"  \n", "empty file"),
    ("binary.txt", b"\x00\x01\x02\x03binary", "binary"),
    ("latin1.txt", "Caf\u00e9 au lait".encode("latin-1"), "not valid UTF-8"),
    ("big.txt", b"word " * 400, "limit"),
    ("nomain.html", b"<html><body><nav>Menu</nav></body></html>", "no main text"),
    # user trial s25: an impossible date in a marker passed silently (marker left in the text, title lost,
    # the date asserted as a figure); now the item is refused with one line naming it
    ("baddate.txt", b"date 2022-13-45\nBorder queues\n\nMore than 26 men left.\n", "'date 2022-13-45' is not a real date"),
    ("inline.txt", b"Border queues\n\n date 2022-02-30 More than 26 men left.\n", "'date 2022-02-30' is not a real date"),
]


@pytest.mark.parametrize("name,data,message", BAD_INPUTS)
def test_bad_input_in_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes | None, message: str
) -> None:
    good1 = write(tmp_path / "good1.txt", GOOD)
    bad = tmp_path / name
    if data is not None:
        write(bad, data)
    good2 = write(tmp_path / "good2.txt", GOOD.replace("260,000", "98,000"))
    out_path = tmp_path / "out.jsonl"
    rc, _, err = run_cli(
        ["analyze", str(good1), str(bad), str(good2), "-f", "jsonl", "-o", str(out_path), "--max-bytes", "1KB", *LIGHT],
        capsys,
    )
    assert rc == 1
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"presslens: error: {bad}") and message in lines[0]
    assert "Traceback" not in err
    items = [json.loads(ln) for ln in out_path.read_text().splitlines()]
    assert len(items) == 3
    assert items[0]["article"]["id"] == "good1" and items[2]["article"]["id"] == "good2"
    assert items[1]["error"]["origin"] == str(bad) and message in items[1]["error"]["message"]
    check_report_dict(items[0])
    check_report_dict(items[2])


@pytest.mark.parametrize(
    "name,content,line,message",
    [
        ("c.jsonl", '{"text": "Troops moved 300 km."}\n{"text": oops}\n{"text": "Fine again."}\n', 2, "malformed JSON"),
        ("c.csv", 'id,text\n1,"Troops moved 300 km."\n2,"a",extra\n3,"Fine again."\n', 3, "malformed CSV"),
    ],
)
def test_malformed_corpus_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, line: int, message: str
) -> None:
    p = write(tmp_path / name, content)
    rc, out, err = run_cli(["analyze", str(p), "-f", "jsonl", *LIGHT], capsys)
    assert rc == 1
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(f"presslens: error: {p}:{line}: ") and message in err
    items = [json.loads(ln) for ln in out.splitlines()]
    assert [("error" in i) for i in items] == [False, True, False]
    assert items[1]["error"]["line"] == line


def test_md_and_json_batches_list_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path / "g.txt", GOOD)
    missing = tmp_path / "nope.txt"
    rc, out, _ = run_cli(["analyze", str(good), str(missing), "-f", "md", *LIGHT], capsys)
    assert rc == 1 and "nope.txt" in out and "Border queues grow" in out
    rc, out, _ = run_cli(["analyze", str(good), str(missing), "-f", "json", *LIGHT], capsys)
    d = json.loads(out)
    assert rc == 1 and d["errors"][0]["origin"] == str(missing)
    check_report_dict(d)


def test_failed_write_leaves_no_partial_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path / "g.txt", GOOD)
    target = tmp_path / "out.json"
    target.write_text("previous")
    rc, _, err = run_cli(["analyze", str(good), "-o", str(target), "--only", "no-such-analyzer"], capsys)
    assert rc == 2 and "unknown analyzer" in err
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_stdin_and_pipe_jsonl(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "presslens", "analyze", "-", "-f", "jsonl", *LIGHT],
        input=GOOD.encode(), capture_output=True, env=env, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""  # no progress bar when not on a terminal
    (line,) = proc.stdout.decode().splitlines()
    check_report_dict(json.loads(line))


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(100):
        write(corpus / f"a{i:03}.txt", f"Report {i}\n\nAbout {i + 1},000 people left the city.\n")
    out_path = tmp_path / "out.jsonl"
    pid, fd = pty.fork()
    if pid == 0:  # child: stderr is the terminal
        os.execv(sys.executable, [sys.executable, "-m", "presslens", "analyze", str(corpus), "-o", str(out_path), *LIGHT])
    chunks = []
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    shown = b"".join(chunks).decode(errors="replace")
    assert os.waitstatus_to_exitcode(status) == 0
    assert "100/100 articles" in shown and "[" in shown
    assert len(out_path.read_text().splitlines()) == 100


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run_cli(["schema"], capsys)
    assert rc == 0
    schema = json.loads(out)
    assert "findings" in json.dumps(schema)


def test_analyzers_command(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run_cli(["analyzers"], capsys)
    assert rc == 0 and "figures" in out


def test_output_file_gets_ordinary_permissions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path / "g.txt", GOOD)
    target = tmp_path / "r.json"
    old = os.umask(0o022)
    try:
        rc, _, _ = run_cli(["analyze", str(good), "-o", str(target), *LIGHT], capsys)
    finally:
        os.umask(old)
    assert rc == 0
    assert target.stat().st_mode & 0o777 == 0o644
