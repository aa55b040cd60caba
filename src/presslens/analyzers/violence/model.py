"""The violence model: multinomial logistic regression over the sentence embedding and the cue vector, and
the two-threshold decision rule.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.analyzers.numeric import softmax
from presslens.analyzers.violence.calls import CallScorer
from presslens.analyzers.violence.cues import CUE_NAMES
from presslens.registry import model_dir, model_loader

MODEL_DIR = model_dir("violence")
CLASSES: tuple[str, ...] = ("call", "endorsement", "report", "nonviolent_call", "other")
"""Model classes. ``other`` (neutral sentences: no violence, no call) is kept apart from ``report`` only
inside the model; for the four-class stance it counts as ``report`` (see :func:`stance_labels`)."""
STANCES: tuple[str, ...] = ("call", "endorsement", "report", "nonviolent_call")
FINDING_LABEL = {"call": "call_to_violence", "endorsement": "endorsement"}


# Model
# ---------------------------------------------------------------------------------------------------


@dataclass
class ViolenceModel:
    """Multinomial logistic regression over ``[embedding, cue_scale * cues]`` plus the decision rule."""

    weights: np.ndarray
    """(n_classes, 384 + n_cues)."""
    bias: np.ndarray
    cue_scale: float
    threshold: float
    threshold_no_cue: float
    """Threshold for sentences outside a violent context (above 1 blocks them entirely)."""
    calls: CallScorer | None = None
    """The calibrated call-to-action scorer (``calls.json``); None: the stance model's probability is the score."""
    classes: tuple[str, ...] = CLASSES

    @classmethod
    def load(cls, model_dir: Path = MODEL_DIR, *, with_calls: bool = True) -> ViolenceModel:
        """The stance model and, unless ``with_calls`` is false (training the call scorer), the call scorer."""
        config = json.loads((model_dir / "model.json").read_text(encoding="utf-8"))
        with np.load(model_dir / "weights.npz", allow_pickle=False) as z:
            weights = np.asarray(z["weights"], dtype=np.float32)
            bias = np.asarray(z["bias"], dtype=np.float32)
        if tuple(config["classes"]) != CLASSES or tuple(config["cue_names"]) != CUE_NAMES:
            raise ValueError("violence model was trained with different classes or cues; retrain it")
        return cls(
            weights=weights,
            bias=bias,
            cue_scale=float(config["cue_scale"]),
            threshold=float(config["threshold"]),
            threshold_no_cue=float(config["threshold_no_cue"]),
            calls=(CallScorer.from_json(model_dir / "calls.json")
                   if with_calls and (model_dir / "calls.json").is_file() else None),
        )

    def features(self, embeddings: np.ndarray, cues: np.ndarray) -> np.ndarray:
        return np.hstack([embeddings.astype(np.float32), self.cue_scale * cues.astype(np.float32)])

    def predict_proba(self, embeddings: np.ndarray, cues: np.ndarray) -> np.ndarray:
        logits = self.features(embeddings, cues) @ self.weights.T + self.bias
        return softmax(logits)

    def decide(self, proba: np.ndarray, has_violent_act: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Class index per row and the violence score used for it (0 where the gate blocks)."""
        return decide(proba, has_violent_act, self.threshold, self.threshold_no_cue)


def decide(
    proba: np.ndarray, has_violent_act: np.ndarray, threshold: float, threshold_no_cue: float
) -> tuple[np.ndarray, np.ndarray]:
    """Apply the two-stage rule to class probabilities (columns in :data:`CLASSES` order).

    A sentence is violent when P(call) + P(endorsement) reaches ``threshold`` (``threshold_no_cue``
    when ``has_violent_act`` is false: no violent-act cue fired in the sentence, nor, in an article, in
    the sentence a pronoun of it refers back to; see :func:`violent_context`). Returns ``(labels, violence_score)``: class indices and
    P(call) + P(endorsement) per sentence.
    """
    call, endorse, report, nonviolent, other = (CLASSES.index(c) for c in CLASSES)
    score = proba[:, call] + proba[:, endorse]
    violent = score >= np.where(has_violent_act, threshold, threshold_no_cue)
    calm = np.where(proba[:, report] >= proba[:, other], report, other)
    calm_p = proba[:, report] + proba[:, other]
    labels = np.where(
        violent,
        np.where(proba[:, call] >= proba[:, endorse], call, endorse),
        np.where((proba[:, nonviolent] > calm_p) & (proba[:, nonviolent] >= 0.5), nonviolent, calm),
    )
    return labels.astype(np.int64), score


def stance_labels(labels: np.ndarray) -> np.ndarray:
    """Map model class indices to :data:`STANCES` indices (``other`` becomes ``report``)."""
    mapping = np.asarray([STANCES.index(c if c != "other" else "report") for c in CLASSES], dtype=np.int64)
    return mapping[labels]


model_loader("violence")(ViolenceModel.load)


# ---------------------------------------------------------------------------------------------------
