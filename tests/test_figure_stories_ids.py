"""Round 2 stop 31: every single letter names a story now, so the next blind story has a two-letter prefix (ids
like ``ab01``). The split decides which story an article belongs to, never the first letter of its id: build.py,
the loader of ``presslens eval figure-groups`` and the diagnosis read ``split`` only, and conflict keys are scoped
by split. The sources below are our own few sentences."""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from presslens.evaluation import figure_groups as evaluation

ROOT = Path(__file__).resolve().parents[1]


def _build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("figures_build", ROOT / "data" / "figures" / "build.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SOURCE = """
=== a01 | Coast Wire | 2031-01-02 | test_v9
Old story
The agency said [[40|qa_boats!K1]] boats had sunk by Monday.

=== a02 | Coast Wire | 2031-01-03 | test_v9
Old story again
Only [[12|qa_boats!K1]] boats had sunk, the navy said.

=== ab01 | Hill Post | 2031-02-02 | test
New story
At least [[300|qb_fled!K1]] people fled the town on [[2|x]] February.

=== ab02 | Hill Post | 2031-02-04 | test
New story again
Only [[90|qb_fled!K1]] people fled, the governor said.

=== ab03 | Plain Times | 2031-02-05 | test | ab01
Wire copy
At least 300 people fled the town on 2 February.
"""


def _write(tmp_path: Path) -> Path:
    build = _build()
    articles, labels = build.parse(SOURCE)
    build.write_jsonl(tmp_path / "articles.jsonl", articles)
    build.write_jsonl(tmp_path / "labels.jsonl", labels)
    return tmp_path


def test_build_reads_two_letter_ids_and_scopes_conflict_keys_by_split() -> None:
    articles, labels = _build().parse(SOURCE)
    assert [(a["id"], a["split"]) for a in articles] == [
        ("a01", "test_v9"), ("a02", "test_v9"), ("ab01", "test"), ("ab02", "test"), ("ab03", "test")]
    conflicts = sorted((c["a"], c["b"], c["split"]) for c in labels if c["type"] == "conflict")
    # the same key K1 in two splits plants one pair per split, never a pair across them
    assert conflicts == [("a01-m1", "a02-m1", "test_v9"), ("ab01-m1", "ab02-m1", "test")]
    assert [(d["article"], d["duplicate_of"]) for d in labels if d["type"] == "duplicate"] == [("ab03", "ab01")]


def test_build_refuses_an_unknown_split() -> None:
    with pytest.raises(ValueError, match="bad header"):
        _build().parse("=== ab01 | Hill Post | 2031-02-02 | test_ab\nT\nBody [[3|x]].\n")


def test_the_loader_takes_a_story_by_its_split_not_by_the_first_letter(tmp_path: Path) -> None:
    data = _write(tmp_path)
    new = evaluation.load_dataset(data, "test")
    assert [a.id for a in new.articles] == ["ab01", "ab02", "ab03"] and not new.errors
    assert {m.article for m in new.mentions} == {"ab01", "ab02"}
    assert new.conflicts == {frozenset(("ab01-m1", "ab02-m1"))}
    assert new.duplicates == {frozenset(("ab03", "ab01"))}
    old = evaluation.load_dataset(data, "test_v9")
    assert [a.id for a in old.articles] == ["a01", "a02"]
    assert old.conflicts == {frozenset(("a01-m1", "a02-m1"))} and not old.duplicates


def test_the_guideline_row_command_counts_a_prefix_as_a_whole(tmp_path: Path) -> None:
    # the prefix command of data/figures/GUIDELINE.md ("f" strips the digits and compares): p="a" counts the
    # a.. story only, where x["id"].startswith("a") would count ab.. as well
    data = _write(tmp_path)
    guideline = (ROOT / "data" / "figures" / "GUIDELINE.md").read_text(encoding="utf-8")
    helper = 'f=lambda i: i.split("-")[0].rstrip("0123456789")==p'
    assert helper in guideline

    def rows(p: str) -> tuple[int, int, int]:
        f = eval(helper.split("=", 1)[1], {"p": p})  # noqa: S307 -- our own one-line helper, read from the guideline
        arts = [json.loads(line) for line in (data / "articles.jsonl").open()]
        labs = [json.loads(line) for line in (data / "labels.jsonl").open()]
        return (sum(f(a["id"]) for a in arts), sum(x["type"] == "mention" and f(x["article"]) for x in labs),
                sum(x["type"] == "conflict" and f(x["a"]) for x in labs))
    assert rows("a") == (2, 2, 1)
    assert rows("ab") == (3, 3, 1)
    assert sum(a["id"].startswith("a") for a in map(json.loads, (data / "articles.jsonl").open())) == 5


def test_the_blind_story_is_scored_as_split_test_whatever_its_prefix() -> None:
    ap = argparse.ArgumentParser()
    evaluation.add_arguments(ap)
    assert ap.parse_args([]).split == "test"
    assert "test" not in evaluation.SEEN_SPLITS and {"test_v19", "test_v20", "test_v21"} <= set(evaluation.SEEN_SPLITS)


def test_the_retired_ab_and_ac_stories_are_test_v20_and_test_v21_and_no_seen_story_is_in_test() -> None:
    # stop 32 retired the ab.. story (scored once at stop 31) to test_v20, stop 33 the ac.. story (scored once at
    # stop 32) to test_v21: every article and label of each carries its new split, and "test" holds no article of
    # a retired story: only the blind ad.. story written at stop 33, 28 articles
    data = ROOT / "data" / "figures"
    arts = [json.loads(line) for line in (data / "articles.jsonl").open()]
    labs = [json.loads(line) for line in (data / "labels.jsonl").open()]

    def story_of(label: dict[str, str]) -> str:  # a conflict names mentions ("ac03-m2"), the others an article
        return str(label.get("article") or label["a"].split("-")[0]).rstrip("0123456789")

    for prefix, split in (("ab", "test_v20"), ("ac", "test_v21")):
        story = [a for a in arts if a["id"].rstrip("0123456789") == prefix]
        assert len(story) == 28 and {a["split"] for a in story} == {split}
        assert not [x for x in labs if x["split"] == split and story_of(x) != prefix]
        assert {x["split"] for x in labs if story_of(x) == prefix} == {split}
    seen_prefixes = {a["id"].rstrip("0123456789") for a in arts if a["split"] in evaluation.SEEN_SPLITS}
    assert not [a for a in arts if a["split"] == "test" and a["id"].rstrip("0123456789") in seen_prefixes]
    assert not [x for x in labs if x["split"] == "test" and story_of(x) in seen_prefixes]
    assert [a["id"].rstrip("0123456789") for a in arts if a["split"] == "test"] == ["ad"] * 28
    ap = argparse.ArgumentParser()
    evaluation.add_arguments(ap)
    assert ap.parse_args(["--split", "test_v21"]).split == "test_v21"
    assert "test_v21" in evaluation.SEEN_SPLITS and "test" not in evaluation.SEEN_SPLITS


def test_the_blind_ad_story_keeps_its_ids_groups_conflicts_and_copies_to_itself() -> None:
    # stop 33's blind story: ad01..ad28 in split "test", 25 originals and 3 unlabelled republished copies of
    # originals of the same story, tracked groups named ad_* and used by no other story, and every planted
    # conflict pair joins two labelled ad.. mentions of one group
    data = ROOT / "data" / "figures"
    arts = [json.loads(line) for line in (data / "articles.jsonl").open()]
    labs = [json.loads(line) for line in (data / "labels.jsonl").open()]
    ad = {a["id"]: a for a in arts if a["id"].rstrip("0123456789") == "ad"}
    assert sorted(ad) == [f"ad{i:02d}" for i in range(1, 29)] and {a["split"] for a in ad.values()} == {"test"}
    mentions = {x["id"]: x for x in labs if x["type"] == "mention" and x["article"] in ad}
    groups = {x["group"] for x in mentions.values()} - {"distractor"}
    assert len(groups) >= 10 and all(g.startswith("ad_") for g in groups)
    assert not {x["group"] for x in labs if x["type"] == "mention" and x["article"] not in ad} & groups
    assert all(sum(x["group"] == g for x in mentions.values()) >= 3 for g in groups)
    dups = {x["article"]: x["duplicate_of"] for x in labs if x["type"] == "duplicate" and x["article"] in ad}
    assert len(dups) == 3 and set(dups.values()) <= set(ad) and not set(dups.values()) & set(dups)
    assert not [x for x in mentions.values() if x["article"] in dups]
    pairs = [x for x in labs if x["type"] == "conflict" and (x["a"] in mentions or x["b"] in mentions)]
    assert pairs and all(x["a"] in mentions and x["b"] in mentions and x["split"] == "test" for x in pairs)
    assert all(mentions[x["a"]]["group"] == mentions[x["b"]]["group"] != "distractor" for x in pairs)
