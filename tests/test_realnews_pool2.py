"""Rule 14 of the real-news selection: later batches come from PTC's test articles, read from their own folder."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from presslens.evaluation import realnews_annotations
from presslens.evaluation import realnews_selection as sel


def _pool(tmp_path: Path) -> Path:
    data = tmp_path / "ptc"
    (data / "train-articles").mkdir(parents=True)
    (data / "test-articles").mkdir()
    si, template = [], []
    for k in range(sel.PER_STRATUM * 3):
        aid = f"1{k:04d}"
        (data / "train-articles" / f"article{aid}.txt").write_text("Title\n\n" + "x" * (100 + k), encoding="utf-8")
        si += [f"{aid}\t0\t5"] * (k % 7)
    for k in range((sel.DEV12_PER_STRATUM + sel.DEV13_PER_STRATUM + sel.DEV14_PER_STRATUM
                    + sel.DEV15_PER_STRATUM + sel.DEV16_PER_STRATUM) * 3 + 3):
        aid = f"8{k:04d}"
        (data / "test-articles" / f"article{aid}.txt").write_text("Title\n\n" + "y" * (100 + k), encoding="utf-8")
        template += [f"{aid}\t?\t0\t5"] * (k % 5)
    (data / "test-articles" / "article99999.txt").write_text("z" * (sel.MAX_BYTES_LONG + 1), encoding="utf-8")
    for k in range(3 * sel.DEV17_PER_STRATUM + 3):  # rule 15: longer test articles
        aid = f"7{k:04d}"
        (data / "test-articles" / f"article{aid}.txt").write_text("w" * (sel.MAX_BYTES + 1 + k * 100), encoding="utf-8")
        template += [f"{aid}\t?\t0\t5"] * (k % 4)
    (data / "train-task1-SI.labels").write_text("\n".join(si) + "\n")
    (data / "test-task-TC-template.out").write_text("\n".join(template) + "\n")
    return data


def test_second_pool_fills_dev12_from_test_articles_by_stratum(tmp_path: Path) -> None:
    data = _pool(tmp_path)
    chosen = sel.select(data)
    dev12 = {aid: e for aid, e in chosen.items() if e["split"] == "dev12"}
    assert len(dev12) == sel.DEV12_PER_STRATUM * 3
    assert all(aid.startswith("8") and e["pool"] == "test-articles" for aid, e in dev12.items())
    assert sorted(e["stratum"] for e in dev12.values()) == sorted(sel.STRATA * sel.DEV12_PER_STRATUM)
    assert chosen["99999"]["split"] == "dev18"  # over MAX_BYTES_LONG: rule 16 takes it
    assert all("pool" not in e for aid, e in chosen.items() if aid.startswith("1"))  # first pool as it was
    assert sel.article_path(data, "80001") == data / "test-articles" / "article80001.txt"
    assert sel.article_path(data, "10001") == data / "train-articles" / "article10001.txt"
    for aid in ("80001", "10001", "77777"):  # the annotators' standalone checker looks up the same files
        assert realnews_annotations.article_path(data, aid) == sel.article_path(data, aid)


def test_repository_split_keeps_every_earlier_article_and_reads_dev12_to_dev17_from_test_articles() -> None:
    split = json.loads((Path(__file__).resolve().parents[1] / "data" / "realnews" / "split.json").read_text())
    for name, per_stratum in (("dev12", 5), ("dev13", 5), ("dev14", 5), ("dev15", 5), ("dev16", 4), ("dev17", 4)):
        batch = [e for e in split.values() if e["split"] == name]
        assert len(batch) == 3 * per_stratum and all(e.get("pool") == "test-articles" for e in batch)
        assert sorted(e["stratum"] for e in batch) == sorted(sel.STRATA * per_stratum)
    assert sum(e["split"] not in ("dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18") for e in split.values()) == 294
    assert sel.OPEN_SPLITS[-1] == "dev16" and sel.VALIDATION_SPLITS == ("dev17", "dev18")
    assert not set(sel.OPEN_SPLITS) & set(sel.VALIDATION_SPLITS)


def test_dev13_to_dev16_take_the_next_ones_per_stratum_in_order(tmp_path: Path) -> None:
    data = _pool(tmp_path)
    chosen = sel.select(data)
    for stratum in sel.STRATA:
        members = {name: sorted((hashlib.sha256((sel.SEED + aid).encode()).hexdigest(), aid)
                                for aid, e in chosen.items() if e["split"] == name and e["stratum"] == stratum)
                   for name in ("dev12", "dev13", "dev14", "dev15", "dev16")}
        assert len(members["dev12"]) == sel.DEV12_PER_STRATUM and len(members["dev13"]) == sel.DEV13_PER_STRATUM
        assert len(members["dev14"]) == sel.DEV14_PER_STRATUM
        assert members["dev12"][-1] < members["dev13"][0]  # dev13 continues the same sha256 order
        assert members["dev13"][-1] < members["dev14"][0]  # and dev14 after it
        assert len(members["dev15"]) == sel.DEV15_PER_STRATUM and members["dev14"][-1] < members["dev15"][0]
        assert len(members["dev16"]) == sel.DEV16_PER_STRATUM and members["dev15"][-1] < members["dev16"][0]
    assert all(e["pool"] == "test-articles" for e in chosen.values()
               if e["split"] in ("dev13", "dev14", "dev15", "dev16"))


def test_the_about_lines_name_the_pools_the_splits_come_from() -> None:
    """dev12 on are PTC test articles (rule 14): a file fitted on them must not say "PTC train articles" only."""
    from presslens.training.realnews_claims import scorers_about

    assert sel.source_articles(("dev", "dev11")) == "PTC train articles"
    assert sel.source_articles(["dev12", "dev13"]) == "PTC test articles"
    assert sel.source_articles(sel.OPEN_SPLITS) == "PTC train and test articles"
    assert "(PTC train and test articles, research use)" in scorers_about(None)


def test_rule_15_draws_dev17_from_the_longer_test_articles_only(tmp_path: Path) -> None:
    """dev17 takes test articles of MAX_BYTES + 1 .. MAX_BYTES_LONG bytes, DEV17_PER_STRATUM per stratum of that pool,
    in the same sha256 order; rule 14's batches still come from the shorter ones."""
    data = _pool(tmp_path)
    chosen = sel.select(data)
    dev17 = {aid: e for aid, e in chosen.items() if e["split"] == "dev17"}
    assert len(dev17) == 3 * sel.DEV17_PER_STRATUM and all(aid.startswith("7") for aid in dev17)
    assert all(e["pool"] == "test-articles" for e in dev17.values())
    assert sorted(e["stratum"] for e in dev17.values()) == sorted(sel.STRATA * sel.DEV17_PER_STRATUM)
    assert not any(aid.startswith("7") for aid, e in chosen.items() if e["split"] not in ("dev17", "dev18"))
    left = [aid for aid in (f"7{k:04d}" for k in range(3 * sel.DEV17_PER_STRATUM + 3)) if aid not in chosen]
    assert left == []  # rule 16 took the last one of each stratum
    assert sel.ptc_test_splits() >= {"dev12", "dev16", "dev17"} and "dev11" not in sel.ptc_test_splits()
    assert sel.source_articles(("dev17",)) == "PTC test articles"


def test_rule_16_takes_every_test_article_left_into_dev18(tmp_path: Path) -> None:
    """dev18 takes what rules 14 and 15 left (one per stratum of each pool, after the earlier batches) and the test
    articles longer than MAX_BYTES_LONG, whose stratum is the rule-15 tertile their density falls in; every test
    article is then chosen, and no earlier article changes split."""
    data = _pool(tmp_path)
    chosen = sel.select(data)
    every = {p.stem.removeprefix("article") for p in (data / "test-articles").glob("article*.txt")}
    assert every <= set(chosen)
    dev18 = {aid: e for aid, e in chosen.items() if e["split"] == "dev18"}
    assert {aid for aid in dev18 if aid.startswith("7")} and {aid for aid in dev18 if aid.startswith("8")}
    assert sum(aid.startswith("7") for aid in dev18) == 3 and sum(aid.startswith("8") for aid in dev18) == 3
    assert dev18["99999"]["stratum"] == "reporting"  # no gold span: the lowest density
    assert "dev18" in sel.ptc_test_splits() and sel.SPLITS.count("dev18") == 1
    without = dict(chosen)
    for aid in dev18:
        del without[aid]
    assert all(e["split"] != "dev18" for e in without.values())


def test_repository_dev18_is_the_six_test_articles_left() -> None:
    split = json.loads((Path(__file__).resolve().parents[1] / "data" / "realnews" / "split.json").read_text())
    dev18 = {aid for aid, e in split.items() if e["split"] == "dev18"}
    assert len(dev18) == 6 and all(split[aid]["pool"] == "test-articles" for aid in dev18)
    assert len(split) == 384
