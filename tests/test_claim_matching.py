"""Claim matching: the ranking metrics, tweet clean-up, the incremental BM25 and the ClaimIndex."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest

from presslens.cli import main as cli_main
from presslens.compare.claim_match import (
    BM25Index,
    ClaimIndex,
    clean_query_text,
    default_claim_encoder,
    default_model_location,
    lexical_terms,
    strip_tweet_markup,
    top_k,
)
from presslens.evaluation.claim_matching import (
    average_precision_at,
    load_queries,
    load_verified_claims,
    reciprocal_rank,
    score_rankings,
)


class HashingEncoder:
    """A deterministic bag-of-words encoder for tests: each word adds a fixed random vector."""

    dim = 384

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), self.dim), np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"[a-z0-9]+", t.lower()):
                seed = int(hashlib.sha256(w.encode()).hexdigest()[:8], 16)
                out[i] += np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)


CLAIMS = [
    ("c1", "Hurricane Dorian washed bricks of cocaine up on the Florida coast."),
    ("c2", "A photograph shows a hologram dragon flying over a baseball stadium in South Korea."),
    ("c3", "Alabama legalised marriage between siblings."),
    ("c4", "The CBC cut Donald Trump's cameo from Home Alone 2."),
    ("c5", "FBI divers found children's bones near Jeffrey Epstein's island."),
]


# ------------------------------------------------------------------ metrics


def test_average_precision_at_5_follows_the_task_definition() -> None:
    rel = frozenset({"a"})
    assert average_precision_at(["a", "x", "y"], rel) == 1.0
    assert average_precision_at(["x", "a"], rel) == 0.5
    assert average_precision_at(["x", "y", "z", "w", "v", "a"], rel) == 0.0  # rank 6 is past the cut-off
    two = frozenset({"a", "b"})
    assert average_precision_at(["a", "x", "b"], two) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision_at(["a"], two) == 0.5  # the unretrieved relevant claim counts
    assert average_precision_at([], rel) == 0.0


def test_reciprocal_rank_and_precision_at_1() -> None:
    assert reciprocal_rank(["x", "y", "a"], frozenset({"a"})) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x"], frozenset({"a"})) == 0.0
    from presslens.evaluation.claim_matching import Query

    qs = [Query("1", "t", frozenset({"a"})), Query("2", "t", frozenset({"b"}))]
    s = score_rankings([["a", "b"], ["a", "b"]], qs)
    assert (s.map_at_5, s.mrr, s.p_at_1, s.n) == (pytest.approx(0.75), pytest.approx(0.75), 0.5, 2)
    with pytest.raises(ValueError):
        score_rankings([["a"]], qs)


# ------------------------------------------------------------------ clean-up and BM25


TWEET = (
    "Hurricane Dorian washed up bricks of cocaine on Florida’s coast #BreakingNews &amp; more "
    "pic.twitter.com/ApEtNvR7tb https://t.co/abc via @nowthisNews — NowThis (@nowthisnews) September 10, 2019"
)


def test_clean_query_text_drops_links_and_keeps_the_author() -> None:
    cleaned = clean_query_text(TWEET)
    assert "http" not in cleaned and "pic.twitter" not in cleaned and "&amp;" not in cleaned
    assert cleaned == (
        "Hurricane Dorian washed up bricks of cocaine on Florida’s coast #BreakingNews & more "
        "via @nowthisNews — NowThis (@nowthisnews) September 10, 2019"
    )


def test_strip_tweet_markup_drops_signature_and_markers() -> None:
    cleaned = strip_tweet_markup(TWEET)
    assert "http" not in cleaned and "pic.twitter" not in cleaned and "@" not in cleaned and "#" not in cleaned
    assert "September" not in cleaned and "NowThis (" not in cleaned
    assert cleaned.startswith("Hurricane Dorian washed up bricks of cocaine on Florida’s coast Breaking News & more")
    assert "nowthis News" in cleaned
    # a dash inside the text is not a signature
    assert strip_tweet_markup("Prices — they say — went up 20%") == "Prices — they say — went up 20%"


def test_bm25_matches_bm25s_lucene_scores() -> None:
    bm25s = pytest.importorskip("bm25s")
    docs = [t for _, t in CLAIMS] + ["Cocaine cocaine cocaine everywhere in Florida.", "Nothing related here."]
    ours = BM25Index(k1=1.2, b=0.75)
    for d in docs:
        ours.add(d)
    ref = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
    ref.index([lexical_terms(d) for d in docs], show_progress=False)
    for query in ("cocaine Florida coast", "hologram dragon stadium", "Epstein island bones divers"):
        expected = ref.get_scores(lexical_terms(query))
        np.testing.assert_allclose(ours.scores(query), expected, rtol=1e-5, atol=1e-6)


def test_top_k_orders_by_score_then_row() -> None:
    s = np.array([0.1, 0.9, 0.5, 0.9, 0.2], np.float32)
    assert top_k(s, 3).tolist() == [1, 3, 2]
    assert top_k(s, 10).tolist() == [1, 3, 2, 4, 0]
    assert top_k(s, 0).tolist() == []


# ------------------------------------------------------------------ ClaimIndex


def test_claim_index_ranks_the_matching_claim_first() -> None:
    index = ClaimIndex.build(HashingEncoder(), CLAIMS)
    top = index.search("Dorian: bricks of cocaine washed up on Florida beaches pic.twitter.com/x", limit=3)
    assert [m.claim_id for m in top][0] == "c1"
    assert len(top) == 3 and top[0].score >= top[1].score >= top[2].score
    assert 0.0 <= top[0].lexical <= 1.0 and top[0].lexical == 1.0
    assert index.search("siblings allowed to marry in Alabama", limit=1)[0].claim_id == "c3"


def test_incremental_adds_equal_one_build() -> None:
    enc = HashingEncoder()
    whole = ClaimIndex.build(enc, CLAIMS)
    grown = ClaimIndex(enc)
    for cid, text in CLAIMS:
        grown.add([cid], [text])
    assert grown.ids == whole.ids
    np.testing.assert_allclose(grown.embeddings, whole.embeddings)
    for q in ("cocaine Florida", "Trump Home Alone CBC", "dragon hologram"):
        a, b = whole.search(q, 5), grown.search(q, 5)
        assert [m.claim_id for m in a] == [m.claim_id for m in b]
        np.testing.assert_allclose([m.score for m in a], [m.score for m in b], rtol=1e-6)


def test_bad_adds_store_nothing() -> None:
    index = ClaimIndex.build(HashingEncoder(), CLAIMS[:2])
    with pytest.raises(ValueError, match="c1"):
        index.add(["c9", "c1"], ["new claim", "again"])
    with pytest.raises(ValueError):
        index.add(["c7", "c7"], ["x", "y"])
    with pytest.raises(ValueError):
        index.add(["c8"], ["x", "y"])
    assert index.ids == ["c1", "c2"] and "c9" not in index and len(index.texts) == 2


def test_empty_index_and_stored_embeddings() -> None:
    enc = HashingEncoder()
    index = ClaimIndex(enc)
    assert index.search("anything") == []
    emb = enc.encode([t for _, t in CLAIMS])
    calls = enc.calls
    index.add([c for c, _ in CLAIMS], [t for _, t in CLAIMS], embeddings=emb)
    assert enc.calls == calls  # given embeddings are not recomputed
    with pytest.raises(ValueError):
        index.add(["x"], ["y"], embeddings=np.zeros((1, 3), np.float32))


@pytest.mark.skipif(not default_model_location()[0].exists(), reason="no shipped encoder")
def test_shipped_encoder_matches_a_paraphrase() -> None:
    index = ClaimIndex.build(default_claim_encoder(), CLAIMS)
    hits = index.search("Bricks of cocaine wash ashore after Dorian hit Florida", limit=2)
    assert hits[0].claim_id == "c1"
    assert hits[0].dense > hits[1].dense


# ------------------------------------------------------------------ data and command


def _write_dataset(root: Path) -> None:
    root.mkdir()
    lines = ["\tvclaim\ttitle"] + [f"{cid}\t{text}\tTitle of {cid}" for cid, text in CLAIMS]
    lines.append('c6\t"A claim written\nover two lines."\tTwo lines')
    (root / "verified_claims.docs.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for split in ("dev", "test"):
        (root / split).mkdir()
        (root / split / "tweets.queries.tsv").write_text(
            "\ttweet_content\n"
            "10\tHurricane Dorian left cocaine bricks on the Florida coast https://t.co/x — A (@a) May 1, 2020\n"
            "11\tThey cut Trump out of Home Alone 2 on the CBC\n"
            "12\tno gold pair for this one\n",
            encoding="utf-8",
        )
        (root / split / "tweet-vclaim-pairs.qrels").write_text("10 0 c1 1\n11 0 c4 1\n", encoding="utf-8")


def test_loaders_read_quoted_tsv_and_qrels(tmp_path: Path) -> None:
    data = tmp_path / "ct"
    _write_dataset(data)
    claims = load_verified_claims(data)
    assert [c.claim_id for c in claims] == ["c1", "c2", "c3", "c4", "c5", "c6"]
    assert claims[-1].claim == "A claim written\nover two lines." and claims[-1].title == "Two lines"
    queries = load_queries(data, "dev")
    assert [(q.query_id, sorted(q.relevant)) for q in queries] == [("10", ["c1"]), ("11", ["c4"])]


@pytest.mark.skipif(not default_model_location()[0].exists(), reason="no shipped encoder")
def test_eval_command_prints_both_systems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("bm25s")
    data = tmp_path / "ct"
    _write_dataset(data)
    rc = cli_main(["eval", "claim-matching", "--data", str(data), "--split", "dev", "--no-cache"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "2 tweets, 6 verified claims" in out
    rows = [line for line in out.splitlines() if line.startswith("| BM25") or line.startswith("| presslens")]
    assert len(rows) == 2
    assert all(row.split("|")[2].strip() == "1.000" for row in rows)  # both tweets are easy


def test_shipped_claim_encoder_matches_its_export_record() -> None:
    import json

    from presslens.compare.claim_match import CLAIM_MODEL, CLAIM_ONNX
    from presslens.registry import file_sha256, model_dir

    folder = model_dir(CLAIM_MODEL)
    if not (folder / CLAIM_ONNX).exists():
        pytest.skip("no claim encoder shipped")
    info = json.loads((folder / "export.json").read_text())
    assert info["onnx_file"] == CLAIM_ONNX
    assert file_sha256(folder / CLAIM_ONNX) == info["onnx_sha256"]
    assert file_sha256(folder / "tokenizer.json") == info["tokenizer_sha256"]
    assert default_model_location() == (folder, CLAIM_ONNX)


def test_claim_encoder_comes_from_the_model_registry_with_its_spec_checked() -> None:
    from presslens.compare.claim_match import CLAIM_MODEL, default_claim_encoder
    from presslens.registry import ModelRegistry, file_sha256, model_dir

    registry = ModelRegistry.default()
    spec = registry.spec(CLAIM_MODEL)  # raises ModelLoadError if a file's sha256 differs from spec.json
    assert spec.files and all(file_sha256(model_dir(CLAIM_MODEL) / f) == h for f, h in spec.files.items())
    assert default_claim_encoder() is registry.get(CLAIM_MODEL)
