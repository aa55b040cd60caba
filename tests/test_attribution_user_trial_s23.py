"""Junk rows of the stop-23 user trial (analyzer 2.7, issue 13): a cue inside a hyphenated compound, an
adjective cue after a preposition, the object of a preposition in an apposition taken as the speaker, and a
relative clause's content that runs into the main clause's report (an option)."""

from __future__ import annotations

from presslens.analyzers.attribution import sanity
from presslens.analyzers.attribution.clause_edges import relative_report_end
from presslens.analyzers.attribution.link import Attribution
from presslens.analyzers.attribution.refine_source import apposition_head
from tests.text_fixtures import span_of


def _att(text: str, source: str | None, cue: str, content: str | None) -> Attribution:
    return Attribution(
        cue=span_of(text, cue),
        source=span_of(text, source) if source else None,
        content=span_of(text, content) if content else None,
        score=0.9,
        from_rules=False,
    )


def test_a_cue_joined_by_a_hyphen_is_part_of_a_compound_adjective() -> None:
    text = "The GOP-endorsed mayor of Riverton called the figures deeply misleading."
    assert "cue inside a hyphenated word" in sanity.cue_problems(text, span_of(text, "endorsed"))
    text = "The party endorsed the mayor, saying she had kept her promises."
    assert "cue inside a hyphenated word" not in sanity.cue_problems(text, span_of(text, "endorsed"))
    text = "Her long-time aide said - and repeated - that the vote was lost."
    assert "cue inside a hyphenated word" not in sanity.cue_problems(text, span_of(text, "said"))


def test_an_adjective_cue_after_a_preposition_reports_nothing() -> None:
    text = "Officers visited the farm four times, twice for alleged thefts of diesel."
    assert "cue is an adjective" in sanity.cue_problems(text, span_of(text, "alleged"))
    text = "He was detained over reported threats against a judge."
    assert "cue is an adjective" in sanity.cue_problems(text, span_of(text, "reported"))
    # a verb after a preposition-like word still reports: "the neighbours, of whom two alleged that ..."
    text = "Two of the neighbours alleged that the fence had been moved."
    assert "cue is an adjective" not in sanity.cue_problems(text, span_of(text, "alleged"))
    text = "The claim was first made by a neighbour who alleged, without proof, that the fence moved."
    assert "cue is an adjective" not in sanity.cue_problems(text, span_of(text, "alleged"))


def test_the_object_of_a_preposition_in_an_apposition_is_not_the_speaker() -> None:
    text = ("The post came from Lena Varga, a strategist and former adviser to Mayor Ruiz and Ana Holt, who wrote "
            "that the count would be contested.")
    source, cue = span_of(text, "Ana Holt"), span_of(text, "wrote")
    assert sanity.object_in_apposition(text, source, cue)
    assert "source is the object of a preposition in an apposition" in sanity.source_problems(
        text, source, None, cue
    )
    head = apposition_head(text, source, cue)
    assert head is not None and text[head[0] : head[1]] == "Lena Varga"
    text = "Support came from Ivo Marsh, chairman of the Farmers Union, who urged calm."
    source, cue = span_of(text, "the Farmers Union"), span_of(text, "urged")
    assert sanity.object_in_apposition(text, source, cue)
    head = apposition_head(text, source, cue)
    assert head is not None and text[head[0] : head[1]] == "Ivo Marsh"


def test_a_subject_before_who_is_the_speaker() -> None:
    # the speaker itself before ", who": no preposition leads to it
    text = "The statement was read by Ana Holt, who said the count would be contested."
    source, cue = span_of(text, "Ana Holt"), span_of(text, "said")
    assert not sanity.object_in_apposition(text, source, cue)
    assert apposition_head(text, source, cue) is None
    # a restrictive "who" without a comma ("a caller to the show who says") is left to the other rules
    text = "A caller to the radio show who says he knew the driver was interviewed."
    source, cue = span_of(text, "the radio show"), span_of(text, "says")
    assert not sanity.object_in_apposition(text, source, cue)
    text = "Lena Varga, adviser to the mayor, said the count would be contested."
    source, cue = span_of(text, "the mayor"), span_of(text, "said")
    assert not sanity.object_in_apposition(text, source, cue)


def test_a_relative_clause_content_ends_before_the_main_clause_report() -> None:
    text = ("Mara Lind, the nurse who accused the clinic of falsifying records, says managers ignored her for a "
            "year.")
    a = _att(text, "Mara Lind, the nurse", "accused", "the clinic of falsifying records, says managers ignored her")
    got = relative_report_end(text, a)
    assert got is not None and text[got[0] : got[1]] == "the clinic of falsifying records"
    # without "who" before the cue, or with a subject before the second verb, the content stays
    text = "Mara Lind accused the clinic of falsifying records, her lawyer said on Monday."
    a = _att(text, "Mara Lind", "accused", "the clinic of falsifying records, her lawyer said")
    assert relative_report_end(text, a) is None
    text = "Mara Lind, who said the clinic was at fault, told reporters she would sue."
    a = _att(text, "Mara Lind", "said", "the clinic was at fault")
    assert relative_report_end(text, a) is None


def test_added_with_a_quantity_object_is_an_increase_not_speech() -> None:
    text = "Since then the state has added 40,000 private sector jobs, the governor noted."
    assert "cue adds a quantity" in sanity.cue_problems(text, span_of(text, "added"))
    text = "The region added about $2 billion in exports last year."
    assert "cue adds a quantity" in sanity.cue_problems(text, span_of(text, "added"))
    text = "The mayor added that 40,000 jobs had been created."
    assert "cue adds a quantity" not in sanity.cue_problems(text, span_of(text, "added"))
    text = "\u201cWe will recover,\u201d she added. \u201cTwo more plants open in May.\u201d"
    assert "cue adds a quantity" not in sanity.cue_problems(text, span_of(text, "added"))


def test_a_noun_phrase_before_a_speech_participle_is_its_source() -> None:
    from presslens.analyzers.attribution.rules import rule_attributions

    def found(text: str) -> list[tuple[str | None, str, str | None]]:
        out = []
        for a in rule_attributions(text, [(0, len(text))]):
            out.append((text[a.source[0] : a.source[1]] if a.source else None, text[a.cue[0] : a.cue[1]],
                        text[a.content[0] : a.content[1]] if a.content else None))
        return out

    text = "He was detained despite a 2019 notice from the agency saying he could stay until the appeal ended."
    assert ("a 2019 notice from the agency", "saying", "he could stay until the appeal ended") in found(text)
    text = "The paper quoted three unnamed officials telling staff that the plant would close in June."
    assert ("three unnamed officials", "telling", "staff that the plant would close in June") in found(text)
    # after a comma the participle's subject is the main clause's, after "be" it is a progressive, after a
    # pronoun or an adverb no noun phrase: no reduced relative
    for text in ("The minister left the hall, saying the talks had failed for good.",
                 "Health officials are now saying the outbreak is under control.",
                 "I heard him saying the talks had failed for good.",
                 "The man walked away saying the talks had failed for good.",
                 "Ana Holt, a former aide, came forward last month alleging the count was rigged."):
        assert all(not cue.endswith("ing") for _, cue, _ in found(text)), text
