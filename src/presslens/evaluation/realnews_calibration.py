"""Reliability bins and expected calibration error of scored findings, for ``presslens eval realnews``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Calibration:
    bins: list[tuple[float, float, int, float, float]]
    """(low, high, count, mean score, share right) per non-empty bin."""
    ece: float
    total: int


def calibration(scored: Sequence[tuple[float, bool]], n_bins: int = 10) -> Calibration:
    """Reliability bins of equal width over [0, 1] and the expected calibration error."""
    groups: list[list[tuple[float, bool]]] = [[] for _ in range(n_bins)]
    for score, right in scored:
        groups[min(n_bins - 1, int(score * n_bins))].append((score, right))
    bins = []
    ece = 0.0
    total = len(scored)
    for k, group in enumerate(groups):
        if not group:
            continue
        mean = sum(s for s, _ in group) / len(group)
        share = sum(1 for _, r in group if r) / len(group)
        bins.append((k / n_bins, (k + 1) / n_bins, len(group), mean, share))
        ece += len(group) / total * abs(share - mean)
    return Calibration(bins, ece, total)
