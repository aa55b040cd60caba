"""The trainers' shared model-file writer: the same bytes as before, whole or not at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presslens.training.model_files import write_json


def test_writes_indented_json_with_a_final_newline_into_new_folders(tmp_path: Path) -> None:
    path = tmp_path / "models" / "scorer.json"
    payload = {"weights": [0.25, -1.5], "about": "fitted on dev"}
    write_json(path, payload)
    assert path.read_text(encoding="utf-8") == json.dumps(payload, indent=1) + "\n"
    assert [p.name for p in path.parent.iterdir()] == ["scorer.json"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "scorer.json"
    write_json(path, {"weights": [1.0]})
    before = path.read_bytes()
    with pytest.raises(TypeError):
        write_json(path, {"weights": [object()]})  # not JSON: fails half way through the dump
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["scorer.json"]
