"""The model registry: every shipped model matches its spec; a mismatched or missing model file makes the
registry fail with a message naming the file and the analyzer report "degraded" or "error", never "ok"."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest

from presslens import Article
from presslens.analyzers.base import AnalyzerError, Features, create
from presslens.registry import (
    MODELS_DIR,
    SPEC_NAME,
    ModelLoadError,
    ModelRegistry,
    ModelSpec,
    encoder_fingerprint,
)

SHIPPED = ("encoder", "attribution", "claims", "techniques", "violence")


def _mirror(tmp_path: Path) -> Path:
    """A models folder whose files are links to the shipped ones (specs copied, so tests may edit them)."""
    root = tmp_path / "models"
    for name in SHIPPED:
        (root / name).mkdir(parents=True)
        for f in (MODELS_DIR / name).iterdir():
            if f.name == SPEC_NAME:
                shutil.copy(f, root / name / f.name)
            else:
                (root / name / f.name).symlink_to(f)
    return root


def _edit_spec(folder: Path, **changes: object) -> None:
    spec = json.loads((folder / SPEC_NAME).read_text())
    spec.update(changes)
    (folder / SPEC_NAME).write_text(json.dumps(spec))


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_model_matches_its_spec(name: str) -> None:
    spec = ModelSpec.read(MODELS_DIR / name)
    assert spec.name == name and spec.files
    spec.check(MODELS_DIR / name, encoder_fingerprint())
    if name != "encoder":  # every head reads the shared encoder's outputs
        assert spec.encoder_fingerprint == encoder_fingerprint()


def test_models_load_once_and_are_shared_across_threads() -> None:
    registry = ModelRegistry()
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(registry.get("violence"))) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 6 and all(m is got[0] for m in got)
    assert ModelRegistry.default().get("violence") is ModelRegistry.default().get("violence")


def test_a_head_trained_on_another_encoder_fails_with_a_clear_message(tmp_path: Path) -> None:
    root = _mirror(tmp_path)
    _edit_spec(root / "claims", encoder_fingerprint="0123456789abcdef")
    registry = ModelRegistry(root)
    with pytest.raises(ModelLoadError, match=r"'claims' was trained on encoder 0123456789abcdef.*"
                       + encoder_fingerprint()):
        registry.get("claims")
    analyzer = create("claims")
    analyzer.load(registry)
    assert analyzer.status == "error"
    assert analyzer.status_message is not None and "0123456789abcdef" in analyzer.status_message
    with pytest.raises(AnalyzerError, match="claims"):
        analyzer.analyze(Features(Article(text="Forty people were killed, officials said.")))


def test_a_missing_model_file_degrades_an_analyzer_that_has_rules(tmp_path: Path) -> None:
    root = _mirror(tmp_path)
    (root / "attribution" / "tagger.onnx").unlink()
    registry = ModelRegistry(root)
    with pytest.raises(ModelLoadError, match=r"tagger\.onnx is missing"):
        registry.get("attribution")
    analyzer = create("attribution")
    analyzer.load(registry)
    assert analyzer.status == "degraded"
    assert analyzer.status_message is not None and "tagger.onnx" in analyzer.status_message
    # the rules still run
    text = '"We will not leave," the mayor said on Tuesday.'
    out = analyzer.analyze(Features(Article(text=text)))
    assert [f.attributes["cue"]["text"] for f in out.findings] == ["said"]


def test_a_missing_required_model_is_an_error(tmp_path: Path) -> None:
    root = _mirror(tmp_path)
    (root / "violence" / "weights.npz").unlink()
    analyzer = create("violence")
    analyzer.load(ModelRegistry(root))
    assert analyzer.status == "error"
    assert analyzer.status_message is not None and "weights.npz is missing" in analyzer.status_message


def test_a_changed_model_file_fails_its_checksum(tmp_path: Path) -> None:
    root = _mirror(tmp_path)
    target = root / "violence" / "model.json"
    text = target.read_text()
    target.unlink()
    target.write_text(text.replace('"threshold"', '"threshold" ', 1))
    registry = ModelRegistry(root)
    with pytest.raises(ModelLoadError, match=r"model\.json has sha256 .* records"):
        registry.get("violence")
    analyzer = create("violence")
    analyzer.load(registry)
    assert analyzer.status == "error" and "model.json" in (analyzer.status_message or "")


def test_a_folder_without_a_spec_fails(tmp_path: Path) -> None:
    root = _mirror(tmp_path)
    (root / "techniques" / SPEC_NAME).unlink()
    with pytest.raises(ModelLoadError, match="no spec.json"):
        ModelRegistry(root).get("techniques")


def test_load_sets_ok_and_provenance_names_every_model_file() -> None:
    analyzer = create("claims")
    analyzer.load()
    assert analyzer.status == "ok" and analyzer.status_message is None
    prov = analyzer.model_provenance()["models"]["claims"]
    spec = ModelSpec.read(MODELS_DIR / "claims")
    assert prov == {
        "version": spec.version,
        "files": spec.files,
        "encoder_fingerprint": encoder_fingerprint(),
    }
    assert set(prov["files"]) == {"claims.npz", "vocab.json"}


def test_rule_only_analyzers_have_no_model_provenance() -> None:
    analyzer = create("figures")
    analyzer.load()
    assert analyzer.status == "ok"
    assert analyzer.model_provenance() == {}


def test_analyze_loads_lazily() -> None:
    analyzer = create("violence")
    assert analyzer.status is None
    analyzer.analyze(Features(Article(text="Nothing happened today.")))
    assert analyzer.status == "ok"
