"""Run the registered analyzers over articles, sharing one encoder pass per article."""

from __future__ import annotations

import time
from collections.abc import Sequence

from presslens.analyzers.base import (
    DEFAULT_ORDER,
    Analyzer,
    Features,
    create,
    registered_names,
    resolve_order,
)
from presslens.article import AnalyzerRun, Article, Report
from presslens.encoder import SentenceEncoder


class Pipeline:
    """An ordered list of analyzers plus the shared encoder.

    ``only``/``skip`` select analyzers by name; analyzers they require are added automatically
    (their findings are still reported).
    """

    def __init__(
        self,
        only: Sequence[str] | None = None,
        skip: Sequence[str] | None = None,
        encoder: SentenceEncoder | None = None,
    ) -> None:
        registered_names()
        chosen = list(only) if only else list(DEFAULT_ORDER)
        skipped = set(skip or ())
        chosen = [n for n in chosen if n not in skipped]
        self.names = resolve_order(chosen)
        self.analyzers: list[Analyzer] = [create(n) for n in self.names]
        self._encoder = encoder
        self.timings: dict[str, float] = {}
        """Seconds spent per analyzer (encoder time excluded) and in ``encoder``, summed over runs."""

    @property
    def encoder(self) -> SentenceEncoder:
        if self._encoder is None:
            self._encoder = SentenceEncoder.default()
        return self._encoder

    def run(self, article: Article) -> Report:
        feats = Features(article, self.encoder)
        report = Report(article=article)
        for analyzer in self.analyzers:
            if not analyzer.supports(article.language):
                report.analyzers.append(
                    AnalyzerRun(
                        analyzer.name,
                        analyzer.version,
                        "unsupported_language",
                        f"supports {', '.join(sorted(analyzer.languages))}; article is {article.language}",
                    )
                )
                feats.findings[analyzer.name] = []
                continue
            enc_before = feats.encoder.seconds
            t0 = time.perf_counter()
            out = analyzer.analyze(feats)
            spent = time.perf_counter() - t0
            enc_spent = feats.encoder.seconds - enc_before
            self.timings[analyzer.name] = self.timings.get(analyzer.name, 0.0) + spent - enc_spent
            self.timings["encoder"] = self.timings.get("encoder", 0.0) + enc_spent
            for f in out.findings:
                f.check(article)
            feats.findings[analyzer.name] = out.findings
            feats.labels.update(out.labels)
            report.findings.extend(out.findings)
            report.labels.update(out.labels)
            report.analyzers.append(AnalyzerRun(analyzer.name, analyzer.version, "ok"))
        return report
