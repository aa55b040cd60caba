"""Audit lists (``presslens.evaluation.audit_selection``) and stand-off audit verdicts (``audit_verdicts``)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from presslens.evaluation import audit_selection, audit_verdicts
from presslens.evaluation.audit_verdicts import AuditFileError, load_verdicts

REPO = Path(__file__).parents[1]
POLNEAR_TRAIN = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
if not POLNEAR_TRAIN.is_dir():
    POLNEAR_TRAIN = Path("/work/shared/data/polnear/train/text")

NAMES = [f"paper_2016-0{m}-1{d}_story-{m}{d}.txt" for m in range(1, 4) for d in range(4)]


def _pool(tmp_path: Path) -> Path:
    pool = tmp_path / "pool"
    pool.mkdir()
    for name in NAMES:
        (pool / name).write_text(f"Story {name}.\n", encoding="utf-8")
    return pool


def _sha(seed: str, name: str) -> str:
    return hashlib.sha256((seed + name).encode()).hexdigest()


# ------------------------------------------------------------------------------------------ selection


def test_selection_orders_by_sha256_of_seed_and_name_and_leaves_out_excluded(tmp_path: Path) -> None:
    pool = _pool(tmp_path)
    excluded = tmp_path / "excluded.txt"
    excluded.write_text("paper_2016-01-10_story-10\npaper_2016-02-11_story-21.txt\n", encoding="utf-8")
    out = tmp_path / "list.json"
    assert audit_selection.main(["--seed", "s:", "--pool", str(pool), "--count", "3", "--exclude", str(excluded),
                                 "--pool-label", "Invented text", "-o", str(out)]) == 0
    got = json.loads(out.read_text())
    keep = sorted((n for n in NAMES if n not in ("paper_2016-01-10_story-10.txt", "paper_2016-02-11_story-21.txt")),
                  key=lambda n: _sha("s:", n))
    assert got == {"seed": "s:", "pool": "Invented text (12 files) less the 'mentioned' files",
                   "A": keep[:3], "B": keep[3:6]}
    assert out.read_text() == json.dumps(got, indent=1)  # the layout of s25.json: indent 1, no final newline


def test_a_pool_too_small_for_two_audits_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert audit_selection.main(["--seed", "s:", "--pool", str(_pool(tmp_path)), "--count", "7"]) == 2
    assert "fewer than 2 x 7" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_mentioned_names_come_from_the_tree_of_a_commit_less_the_paths_left_out(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    (repo / "notes.md").write_text("read paper_2016-01-10_story-10.txt and paper_2016-03-13_story-33\n")
    (repo / "list.json").write_text('["paper_2016-02-11_story-21.txt"]')
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "one"], check=True)
    (repo / "later.md").write_text("paper_2016-01-11_story-11\n")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "two"], check=True)
    assert audit_selection.mentioned_names(repo, "HEAD~1", ("list.json",)) == [
        "paper_2016-01-10_story-10", "paper_2016-03-13_story-33"]
    assert "paper_2016-01-11_story-11" in audit_selection.mentioned_names(repo)
    assert "paper_2016-02-11_story-21" in audit_selection.mentioned_names(repo)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_mentioned_names_keep_hyphenated_outlets_whole(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    (repo / "a.json").write_text('["huff-post_2016-08-03_a-b.txt", "usa-today_2015-12-14_on-x", "breitbart_2016-02-16_y"]')
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "one"], check=True)
    assert audit_selection.mentioned_names(repo) == [
        "breitbart_2016-02-16_y", "huff-post_2016-08-03_a-b", "usa-today_2015-12-14_on-x"]
    pool = ["huff-post_2016-08-03_a-b.txt", "wash-post_2016-01-01_c.txt", "usa-today_2015-12-14_on-x.txt",
            "huff-post_2016-09-09_d.txt"]
    chosen = audit_selection.select("s:", pool, 1, set(audit_selection.mentioned_names(repo)))
    assert sorted(chosen["A"] + chosen["B"]) == ["huff-post_2016-09-09_d.txt", "wash-post_2016-01-01_c.txt"]


@pytest.mark.skipif(not POLNEAR_TRAIN.is_dir(), reason="needs the PolNeAR train text")
def test_the_stop_25_list_is_reproduced_byte_for_byte_from_the_committed_exclusions(tmp_path: Path) -> None:
    out = tmp_path / "s25.json"
    assert audit_selection.main(["--seed", "presslens-audit-s25:", "--pool", str(POLNEAR_TRAIN), "--count", "15",
                                 "--exclude", str(REPO / "data" / "audits" / "s25-mentioned.txt"),
                                 "-o", str(out)]) == 0
    assert out.read_bytes() == (REPO / "data" / "audits" / "s25.json").read_bytes()


# ------------------------------------------------------------------------------------------ verdicts

TEXT_A = "The mayor said the bridge will reopen in May. Two ferries carried 300 people across the river on Sunday.\n"
TEXT_B = "Officials expect more rain next week.\n"


def _audit(tmp_path: Path) -> tuple[Path, Path]:
    pool = tmp_path / "pool"
    pool.mkdir()
    (pool / "a_2016-01-01_bridge.txt").write_text(TEXT_A, encoding="utf-8")
    (pool / "b_2016-01-02_rain.txt").write_text(TEXT_B, encoding="utf-8")
    audits = tmp_path / "audits"
    (audits / "s99" / "task").mkdir(parents=True)
    (audits / "s99.json").write_text(json.dumps({"seed": "x", "pool": "p", "A": ["a_2016-01-01_bridge.txt"],
                                                 "B": ["b_2016-01-02_rain.txt"]}))
    return pool, audits / "s99" / "task"


def _line(file: str, text: str, piece: str, kind: str, label: str | None, verdict: str, **extra: str) -> str:
    start = text.index(piece)
    return json.dumps({"file": file, "start": start, "end": start + len(piece), "kind": kind, "label": label,
                       "verdict": verdict, **extra})


def test_verdicts_load_and_count_right_wrong_and_missed_per_run_and_kind(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pool, task = _audit(tmp_path)
    a = "a_2016-01-01_bridge.txt"
    lines = [
        _line(a, TEXT_A, "the bridge will reopen in May.", "prediction", None, "right", run="before"),
        _line(a, TEXT_A, "the bridge will reopen in May.", "prediction", None, "right", run="after"),
        _line(a, TEXT_A, "300 people", "quantity", "count", "right", run="after", note="a count of passengers"),
        _line(a, TEXT_A, "Two ferries", "quantity", "count", "wrong", run="before", note="vessels, not a figure"),
        _line(a, TEXT_A, "Two ferries", "quantity", "count", "missed", run="after"),
    ]
    path = task / "A.jsonl"
    path.write_text("\n".join(lines) + "\n")
    verdicts = load_verdicts(path, pool)
    assert [TEXT_A[v.start:v.end] for v in verdicts][:3] == ["the bridge will reopen in May."] * 2 + ["300 people"]
    counts = audit_verdicts.summary(verdicts)
    assert counts[("before", "quantity")] == {"wrong": 1}
    assert counts[("after", "quantity")] == {"right": 1, "missed": 1}
    assert audit_verdicts.main(["summary", str(path), "--pool", str(pool)]) == 0
    out = capsys.readouterr().out
    assert f"| {path} | after | quantity | 1 | 1 | 0 | 1.000 | 1 |" in out
    assert f"| {path} | before | quantity | 1 | 0 | 1 | 0.000 | 0 |" in out


def test_the_loader_names_every_bad_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pool, task = _audit(tmp_path)
    a, b = "a_2016-01-01_bridge.txt", "b_2016-01-02_rain.txt"
    ok = _line(a, TEXT_A, "300 people", "quantity", "count", "right")
    lines = [
        ok,
        ok,                                                                         # 2: judged twice
        _line(b, TEXT_B, "more rain", "prediction", None, "right"),                 # 3: a file of list B in A
        json.dumps({"file": a, "start": 10, "end": len(TEXT_A) + 1, "kind": "claim", "label": None,
                    "verdict": "wrong"}),                                           # 4: past the end
        json.dumps({"file": a, "start": 9, "end": 4, "kind": "claim", "label": None, "verdict": "wrong"}),  # 5
        _line(a, TEXT_A, "300 people", "quantity", "count", "maybe"),               # 6: unknown verdict
        _line(a, TEXT_A, "Two ferries", "quantity", "count", "wrong",
              note="it read: two ferries carried 300 people across the river"),    # 7: the note quotes the text
        json.dumps({"file": a, "start": 0, "end": 3, "kind": "claim", "verdict": "right", "text": "The"}),  # 8
        "{not json",                                                                # 9
    ]
    path = task / "A.jsonl"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(AuditFileError) as caught:
        load_verdicts(path, pool)
    message = str(caught.value)
    for number, words in [(2, "the same finding as line 1"), (3, "not in this audit's list"),
                          (4, "past the end"), (5, "0 <= start < end"), (6, "verdict must be one of"),
                          (7, "the note quotes the article"), (8, "missing label"), (8, "unknown key(s) text"),
                          (9, "not JSON")]:
        assert any(line.startswith(f"{path}:{number}: ") and words in line for line in message.splitlines())
    assert f"{path}:1:" not in message
    assert audit_verdicts.main(["summary", str(path), "--pool", str(pool)]) == 1
    assert "not JSON" in capsys.readouterr().err


def test_without_an_audit_list_any_file_of_the_pool_is_accepted(tmp_path: Path) -> None:
    pool, _ = _audit(tmp_path)
    path = tmp_path / "loose.jsonl"
    path.write_text(_line("b_2016-01-02_rain.txt", TEXT_B, "more rain", "prediction", None, "wrong") + "\n"
                    + _line("../pool/b_2016-01-02_rain.txt", TEXT_B, "more rain", "prediction", None, "wrong")
                    + "\n")
    with pytest.raises(AuditFileError) as caught:
        load_verdicts(path, pool)
    assert f"{path}:2: file must be a file name" in str(caught.value) and f"{path}:1" not in str(caught.value)


# ------------------------------------------------------------------------------------------ the stop-22 read list


def test_the_call_selection_takes_its_audit_root_and_says_when_the_read_list_is_missing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from presslens.training import violence_call_selection

    with pytest.raises(SystemExit):  # no default root any more
        violence_call_selection.main(["--ptc", str(tmp_path), "--polnear", str(tmp_path)])
    capsys.readouterr()
    assert violence_call_selection.main(["--ptc", str(tmp_path), "--polnear", str(tmp_path),
                                         "--audit-root", str(tmp_path)]) == 2
    assert "call_audit_verdicts.jsonl" in capsys.readouterr().err
