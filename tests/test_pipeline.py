"""The full default pipeline: one encoder pass per article, offsets and schema hold, language gating."""

from __future__ import annotations

from pathlib import Path

import pytest

import presslens
from presslens.analyzers.base import DEFAULT_ORDER
from presslens.encoder import SentenceEncoder
from presslens.ingest.normalize import article_from_text
from presslens.pipeline import Pipeline, PipelineConfig
from presslens.report import validate_report
from tests.conftest import check_report_dict


def test_example_report_is_valid_and_exact(examples_dir: Path) -> None:
    for name in ("mobilisation.txt", "date-header.txt"):
        report = presslens.analyze(examples_dir / name)
        d = report.to_dict()
        check_report_dict(d)
        for f in report.findings:
            assert report.article.text[f.start : f.end] == f.text
            assert 0.0 <= f.score <= 1.0
        assert {a["name"] for a in d["analyzers"]} == set(DEFAULT_ORDER)
        assert all(a["status"] == "ok" and a["version"] for a in d["analyzers"])


def test_one_encoder_pass_for_all_analyzers(examples_dir: Path) -> None:
    enc = SentenceEncoder.default()
    pipe = Pipeline(encoder=enc)
    art = presslens.read_article(examples_dir / "mobilisation.txt")
    before_calls, before_sents = enc.calls, enc.sentences_encoded
    pipe.run(art)
    assert enc.calls - before_calls <= 1
    assert enc.sentences_encoded - before_sents <= len(art.sentences)


def test_unsupported_language_is_reported_not_analysed() -> None:
    text = (
        "Die Regierung hat am Dienstag neue Zahlen veröffentlicht. Nach Angaben des Ministeriums haben "
        "mehr als zweihunderttausend Männer das Land verlassen, und die Schlangen an der Grenze werden länger."
    )
    art = article_from_text(text)
    assert art.language == "de"
    report = Pipeline().run(art)
    statuses = {a.name: a.status for a in report.analyzers}
    english_only = [a for a in Pipeline().analyzers if "*" not in a.languages and "de" not in a.languages]
    assert english_only
    for a in english_only:
        assert statuses[a.name] == "unsupported_language"
        assert not [f for f in report.findings if f.analyzer == a.name]
    check_report_dict(report.to_dict())


def test_only_and_skip_select_analyzers() -> None:
    assert Pipeline(only=["figures"]).names == ["figures"]
    assert "figures" not in Pipeline(skip=["figures", "claims"]).names


def test_text_input_and_article_input_agree() -> None:
    text = "Title line\n\nAbout 40% of those asked said they knew someone who had left."
    a = presslens.analyze(text)
    b = presslens.analyze(article_from_text(text, id="text", origin="<text>"))
    assert [f.to_dict() for f in a.findings] == [f.to_dict() for f in b.findings]


def test_typed_model_documents_every_attribute_and_label(examples_dir: Path) -> None:
    from presslens.report.model import KIND_ATTRIBUTES, LABEL_MODELS, decode_report

    for name in ("mobilisation.txt", "date-header.txt"):
        report = presslens.analyze(examples_dir / name)
        d = report.to_dict()
        decode_report(d)  # unknown fields are refused: every attribute an analyzer writes is in the model
        validate_report(d)
        assert {f.kind for f in report.findings} <= set(KIND_ATTRIBUTES)
        assert set(report.labels) <= set(LABEL_MODELS)


def test_ids_and_provenance(examples_dir: Path) -> None:
    from presslens.article import finding_ids
    from presslens.identity import content_id, finding_id
    from presslens.registry import encoder_fingerprint

    report = presslens.analyze(examples_dir / "mobilisation.txt")
    assert report.article.id == "mobilisation"  # the user's id (file stem) is kept
    assert report.article.content_id == content_id(report.article.text)
    ids = [f.id for f in report.findings]
    assert len(set(ids)) == len(ids) and all(ids)
    assert ids == finding_ids(report.article.content_id, report.findings)
    first = report.findings[0]
    assert first.id == finding_id(report.article.content_id, first.analyzer, first.kind, first.label, first.start,
                                  first.end)
    prov = report.provenance
    assert prov["presslens"] == presslens.__version__
    assert prov["encoder_fingerprint"] == encoder_fingerprint()
    assert set(prov["analyzers"]) == {r.name for r in report.analyzers}
    claims = prov["analyzers"]["claims"]
    assert claims["version"] and any(len(sha) == 64 for m in claims["models"].values() for sha in m["files"].values())


def test_timings_come_with_the_run_not_the_shared_pipeline(examples_dir: Path) -> None:
    pipe = Pipeline(PipelineConfig(only=("figures",)))
    a, b = _batch_articles(examples_dir)[:2]
    ra, rb = pipe.run(a), pipe.run(b)
    assert set(ra.timings) >= {"figures"} and ra.timings is not rb.timings
    assert not hasattr(pipe, "timings")
    assert "timings" not in ra.to_dict()


def test_shared_pipeline_gives_the_same_reports_from_threads(examples_dir: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    arts = _batch_articles(examples_dir)
    pipe = Pipeline(PipelineConfig(only=("figures", "attribution"))).load()
    alone = [pipe.run(a).to_dict() for a in arts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda a: pipe.run(a).to_dict(), arts * 2))
    assert together == alone * 2


def test_old_keyword_arguments_and_config_agree() -> None:
    assert Pipeline(only=["claims"]).names == Pipeline(PipelineConfig(only=("claims",))).names
    assert Pipeline(skip=["figures", "claims"]).names == Pipeline(PipelineConfig(skip=("figures", "claims"))).names
    with pytest.raises(TypeError):
        Pipeline(PipelineConfig(), only=["figures"])


@pytest.mark.parametrize(
    ("behaviour", "status", "findings"),
    [("raise", "error", False), ("error", "error", False), ("degraded", "degraded", True), ("ok", "ok", True)],
)
def test_analyzer_load_status_is_reported(behaviour: str, status: str, findings: bool) -> None:
    pipe = Pipeline(PipelineConfig(only=("figures",)))
    analyzer = pipe.analyzers[0]

    def load(models: object = None) -> None:
        if behaviour == "raise":
            raise FileNotFoundError("models/figures/missing.onnx")
        analyzer.status = behaviour  # type: ignore[attr-defined]
        analyzer.status_message = None if behaviour == "ok" else f"model said {behaviour}"  # type: ignore[attr-defined]

    analyzer.load = load  # type: ignore[attr-defined]
    report = pipe.run(article_from_text("Title\n\nMore than 260,000 men have left, officials said.", id="t"))
    (run,) = report.analyzers
    assert run.status == status
    assert (run.message is None) == (status == "ok")
    if behaviour == "raise":
        assert "missing.onnx" in (run.message or "")
    assert bool(report.findings) == findings
    validate_report(report.to_dict())


def _batch_articles(examples_dir: Path) -> list:
    files = sorted(p for p in examples_dir.iterdir() if p.suffix == ".txt")
    assert len(files) >= 2
    return [presslens.read_article(p) for p in files]


def test_batch_with_prefetch_equals_one_by_one(examples_dir: Path) -> None:
    arts = _batch_articles(examples_dir)
    pipe = Pipeline()
    serial = [pipe.run(a).to_dict() for a in arts]
    batched = [r.to_dict() for r in pipe.run_many(arts, prefetch=2)]
    no_prefetch = [r.to_dict() for r in pipe.run_many(arts, prefetch=0)]
    assert batched == serial
    assert no_prefetch == serial


def test_batch_encodes_each_article_once(examples_dir: Path) -> None:
    arts = _batch_articles(examples_dir)
    enc = SentenceEncoder(threads=2)
    pipe = Pipeline(encoder=enc)
    list(pipe.run_many(arts))
    assert enc.calls == len(arts)
    assert enc.sentences_encoded == sum(len(a.sentences) for a in arts)


def test_batch_skips_encoding_when_no_analyzer_needs_it(examples_dir: Path) -> None:
    arts = _batch_articles(examples_dir)
    enc = SentenceEncoder(threads=1)
    reports = list(Pipeline(only=["figures"], encoder=enc).run_many(arts))
    assert enc.calls == 0
    assert any(f.kind == "quantity" for r in reports for f in r.findings)


def test_stream_passes_other_items_through_and_survives_a_failure(examples_dir: Path) -> None:
    arts = _batch_articles(examples_dir)
    pipe = Pipeline(only=["figures"])
    analyzer = pipe.analyzers[0]
    real = analyzer.analyze
    bad_id = arts[0].id

    def flaky(features):  # type: ignore[no-untyped-def]
        if features.article.id == bad_id:
            raise RuntimeError("boom")
        return real(features)

    analyzer.analyze = flaky  # type: ignore[method-assign]
    marker = object()
    items = [arts[0], marker, *arts[1:]]
    out = list(pipe.run_stream(items, prefetch=1))
    assert [item for item, _ in out] == items
    assert isinstance(out[0][1], RuntimeError)
    assert out[1][1] is None
    assert all(r is not None and not isinstance(r, Exception) for _, r in out[2:])


def test_stream_reads_input_lazily(examples_dir: Path) -> None:
    arts = _batch_articles(examples_dir)
    pulled: list[int] = []

    def source():  # type: ignore[no-untyped-def]
        for i, a in enumerate(arts):
            pulled.append(i)
            yield a

    stream = Pipeline().run_stream(source(), prefetch=1)
    next(stream)
    assert len(pulled) <= 2  # the article yielded plus at most one encoded ahead
    stream.close()


def test_provenance_names_the_encoder_of_the_registry_in_use(tmp_path: Path) -> None:
    import hashlib

    from presslens.pipeline import Pipeline, PipelineConfig
    from presslens.registry import ENCODER_ONNX, ModelRegistry, encoder_fingerprint

    (tmp_path / "encoder").mkdir()
    (tmp_path / "encoder" / ENCODER_ONNX).write_bytes(b"another encoder")
    pipeline = Pipeline(PipelineConfig(only=("claims",), models=ModelRegistry(tmp_path))).load()
    fingerprint = pipeline.provenance["encoder_fingerprint"]
    assert fingerprint == hashlib.sha256(b"another encoder").hexdigest()[:16]
    assert fingerprint != encoder_fingerprint()
    assert pipeline.analyzer_status()["claims"][0] == "error"  # its head is not in that registry
