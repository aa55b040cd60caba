"""The ``attribution.pictures`` option: "the video shows ..." a candidate (shipped) or an attribution (2.3)."""

from __future__ import annotations

from presslens import read_article
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine import pictures_not_speech
from presslens.article import Finding
from presslens.pipeline import Pipeline, PipelineConfig
from tests.text_fixtures import span_of

TEXT = (
    "Crowds gather at the border\n\n"
    "A new video shows hundreds of people boarding trucks outside the city.\n\n"
    "The mayor said the shelter had run out of beds on Friday."
)


def _asserted(options: dict[str, str]) -> list[Finding]:
    pipeline = Pipeline(PipelineConfig(only=("attribution",), options=options))
    report = pipeline.run(read_article(TEXT))
    return [f for f in report.findings if f.kind == "attribution" and f.score >= 0.5]


def test_a_picture_showing_a_scene_is_recognised_and_a_speaker_is_not() -> None:
    video = Attribution(span_of(TEXT, "shows"), span_of(TEXT, "A new video"), span_of(TEXT, "hundreds of people"), 0.9,
                        False)
    mayor = Attribution(span_of(TEXT, "said"), span_of(TEXT, "The mayor"), span_of(TEXT, "the shelter had run"), 0.9,
                        False)
    assert pictures_not_speech(TEXT, video)
    assert not pictures_not_speech(TEXT, mayor)


def test_the_shipped_setting_drops_only_the_picture() -> None:
    # under the calibration, where 2.3 asserted the picture; the learned scorer (the default since 2.12) keeps it
    # below 0.5 with either setting
    speech = _asserted({"attribution.pictures": "speech", "attribution.scorer": "calibrated"})
    shipped = _asserted({"attribution.scorer": "calibrated"})
    assert not any("video" in str(f.attributes["source"]) for f in _asserted({}))
    picture = [f for f in speech if "video" in str(f.attributes["source"])]
    assert picture, [f.attributes for f in speech]  # 2.3's behaviour, kept as the option value "speech"
    assert not any("video" in str(f.attributes["source"]) for f in shipped)
    assert [f.attributes for f in speech if f not in picture] == [f.attributes for f in shipped]
