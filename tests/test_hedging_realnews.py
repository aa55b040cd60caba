"""Hedging of claims by the real-news guideline (section 5): cue candidates in the claim's own text only; "could"
of purpose and a vague source alone ("There are reports that") are no cue at all. Which candidates presslens
asserts is tested in tests/test_hedge_scores.py. Sentences written for these tests."""

from __future__ import annotations

import pytest

from presslens.text.hedging import claim_cue_candidates


def _cues(text: str, wider: bool = False) -> list[str]:
    return [text[s:e] for s, e, _ in claim_cue_candidates(text, wider)]


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        ("The court moved the hearing to Monday so that both witnesses could attend.", []),
        ("The agency sent extra staff in order that the clinic could stay open.", []),
        ("There are reports that the convoy turned back at the border.", []),
        ("There have been claims that the ballots were lost.", []),
        ("There are unconfirmed reports that the convoy turned back.", ["unconfirmed"]),
        ("The storm could cut power to the coast, so that is a worry.", ["could"]),
        ("The convoy reportedly turned back at the border.", ["reportedly"]),
        # adjudication rules (GUIDELINE.md section 5): adjectives that label an accusation or a category
        ("The court heard the alleged gunman on Tuesday.", []),
        ("Inspectors reviewed the ledgers for possible fraud.", []),
        ("Health officials counted 14 suspected cases in the port.", []),
        ("The video offers apparent proof of the shelling.", ["apparent proof"]),
        ("It soon became apparent that the dam had failed.", []),
        ("Prosecutors alleged that the driver fled the scene.", []),
        ("It is possible that the dam will fail.", ["It is possible"]),
        ("Rents will likely rise next year.", ["likely"]),
        # "suggest" as a speech verb (= proposed) vs evidence that suggests
        ("The senator suggested that the vote be delayed.", []),
        ("The new data suggests that the outbreak is slowing.", ["data suggests"]),
        # the name May, generic capacity vs a possible event
        ("May’s cabinet met on Monday.", []),
        ("Anyone touching the water could catch the infection.", []),
        ("A larger town could absorb the refugees.", []),
        ("Officials warned that an outbreak could occur at any time.", ["could"]),
        # uncertainty phrases (analyzer 1.8): "not immediately clear", "not known", "a good chance"
        ("It was not immediately clear whether the ferry had left.", ["It was not immediately clear"]),
        ("The cause of the blaze is not yet known.", ["is not yet known"]),
        ("The whereabouts of the two guards are unknown.", ["are unknown"]),
        ("There is a good chance the hearing is postponed.", ["good chance"]),
        ("The mayor is known for his long speeches.", []),
        ("The chance of a recount is small.", []),
    ],
)
def test_claim_hedge_cues_follow_the_real_news_guideline(sentence: str, cues: list[str]) -> None:
    assert _cues(sentence) == cues


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        # evidence that indicates (a cue) vs a person who indicates (a speech verb); "an indication"
        ("Two videos from the square have surfaced that indicate there were two gunmen.", ["indicate"]),
        ("The minister indicated that she would not run again.", []),
        ("Rebels shelled the depot overnight, an indication the truce had collapsed.", ["an indication"]),
        ("A leaked memo suggested that the envoy stayed in contact with the militia.", ["suggested that"]),
        ("The report, which implicitly suggests the army knew, was released on Monday.", ["suggests"]),
        # odds and "appears about to"
        ("It is good odds that the leak came from the ministry.", ["good odds that"]),
        ("A new offensive appears about to begin in the north.", ["appears about to"]),
        # a relative pronoun as the subject of "could" (a possible event), not a bounded ability
        ("Half of the homes lack permits, which could amount to a million buildings.", ["could"]),
        ("The report described the rooms in which the prisoners could sleep.", []),
        # "could be" is a possibility even with an indefinite subject; a generic object is capacity
        ("An expansion into the port could be a recipe for more violence.", ["could"]),
        ("Touching a contaminated blanket could sicken a person.", []),
        # counterfactual with its condition; indirect questions; a relative clause naming a category
        ("The flood could have been avoided if the council had cleared the drains.", []),
        ("Police are studying the phone to see if it could point to a motive.", []),
        ("Medics traced 210 people who may have had contact with the patient.", []),
        ("The militia may have moved its artillery overnight.", ["may"]),
        # exhortation and opinion rankings are not hedges of a claim
        ("Now that the court has ruled, perhaps it's time to reopen the border.", []),
        ("The ceasefire is perhaps the most fragile agreement of the decade.", []),
        ("The ceasefire will perhaps hold until spring.", ["perhaps"]),
        # reported to someone vs "is reported to have"; a comparative likelihood is the assertion itself
        ("The forged forms were reported to federal prosecutors last week.", []),
        ("The commander is reported to have fled the city.", ["is reported to"]),
        ("The blockade made a famine much more likely.", []),
        # "seemingly" before a verb hedges; before an adjective after a determiner it does not
        ("Witnesses described officials seemingly covering up the link to the militia.", ["seemingly"]),
        ("The city endured a seemingly endless siege.", []),
    ],
)
def test_claim_hedge_cues_second_pass_rules(sentence: str, cues: list[str]) -> None:
    assert _cues(sentence) == cues


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        # a guess at someone's mind or motive is speculation, not a hedged fact (guideline section 5)
        ("The judge has apparently decided to bend to the ministry.", []),
        ("The governor seems to understand what the voters want.", []),
        ("The envoy apparently wants a seat at the table.", []),
        # the same cues before an event or a state of the world hedge it
        ("The convoy has apparently left the city.", ["apparently"]),
        ("The bridge seems to have collapsed overnight.", ["seems to"]),
    ],
)
def test_speculation_about_minds_is_no_hedge(sentence: str, cues: list[str]) -> None:
    assert _cues(sentence) == cues


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        # "likely" as the adjective of a category labels it, like "14 suspected cases" (guideline section 5;
        # analyzer 1.9, read off audit A of issue 13 s22)
        ("The survey reached 640 likely voters in the northern districts.", []),
        ("Among likely Labour primary voters, 58 percent back the mayor.", []),
        ("The council picked her as the lone and unlikely alternative to the incumbent.", []),
        ("The poll of 900 likely voters has a margin of error of 3 points.", []),
        # the adverb and the predicate adjective still hedge the claim
        ("The mayor is likely to win the second round.", ["likely"]),
        ("Fuel prices will likely rise again in the spring.", ["likely"]),
        ("The strike likely killed 12 people near the market.", ["likely"]),
        ("It is unlikely that the ferry resumes before June.", ["unlikely"]),
        # the phrase is the predicate, what the sentence asserts (changed after reading audit B: B is in-sample)
        ("The fuel subsidy is a likely flashpoint at the summit.", ["likely"]),
    ],
)
def test_attributive_likely_is_a_label_not_a_hedge(sentence: str, cues: list[str]) -> None:
    assert _cues(sentence) == cues


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        # sourceless hearsay and conjecture are cues (GUIDELINE.md 8a, decided with dev6) ...
        ("It was widely reported that the militia ran the checkpoint.", ["It was widely reported"]),
        ("There has been much speculation that the envoy will resign.", ["much speculation that"]),
        ("There is growing speculation about a second ferry.", ["growing speculation about"]),
        # ... while a plain vague source stays an attribution, not a hedge (guideline section 5)
        ("It was reported that the ferry left at noon.", []),
        ("The speculation ended when the envoy resigned.", []),
    ],
)
def test_sourceless_hearsay_is_a_cue(sentence: str, cues: list[str]) -> None:
    assert _cues(sentence) == cues


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        # gold hedges of the open splits that had no candidate at all (issue 13, s23): the noun "likelihood that"
        ("Aid groups warned of the likelihood that the bridge will close again.", ["likelihood"]),
        ("Despite the high likelihood that the well is poisoned, villagers drink from it.", ["likelihood"]),
        # ... "hard to know / tell" and "not known yet whether" (the "unclear whether" of the adjudication rules)
        ("It is hard to know if the convoy ever reached the depot.", ["hard to know"]),
        ("It's too early to tell whether the ceasefire will hold.", ["too early to tell"]),
        ("It's not known yet whether the ferry crew survived.", ["not known yet"]),
        # no uncertainty: a likelihood that is itself the topic, a known fact
        ("The likelihood of rain on Sunday is low.", []),
        ("In all likelihood the talks will fail.", ["In all likelihood"]),
        ("The name of the ferry captain is known to the police.", []),
    ],
)
def test_uncertainty_cues_without_a_candidate_before(sentence: str, cues: list[str]) -> None:
    # the claims option cue_candidates=1.12 (analyzer 1.12: not the default, it failed the seven-fold ship rule)
    assert _cues(sentence, wider=True) == cues
    assert _cues(sentence) == [c for c in cues if c == "In all likelihood"]


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        # the topic of someone's doubt is a reported belief, not a cue of the claim (issue 13 s24, audit A)
        ("The mayor expressed doubts about the new bridge in 1990.", []),
        ("Engineers raised doubts over the dam's design last year.", []),
        # doubt that stays open in the writer's own words is still a cue
        ("Doubts remain about who fired the first shot.", ["Doubts remain"]),
    ],
)
def test_doubts_about_a_topic_is_no_cue(sentence: str, cues: list[str]) -> None:
    assert _cues(sentence, wider=True) == cues  # the option cue_candidates=1.12


def test_default_cue_candidates_keep_doubts_about() -> None:
    sentence = "The mayor expressed doubts about the new bridge in 1990."
    assert _cues(sentence) == ["doubts about"]


def test_analyzer_option_cue_candidates_reaches_the_claim_findings() -> None:
    """claims.cue_candidates=1.12 (analyzer 1.12, s24: an option) gives the claim findings the wider candidates;
    the default keeps 1.11's. Spans stay offsets into the text."""
    import presslens

    text = ("Ferry talks stall in Larn\n\nIt is hard to know if the convoy ever reached the depot, the coast guard "
            "said on Monday.\n\nThe mayor expressed doubts about the new bridge in 1990.")

    def cues(options: dict[str, str]) -> set[str]:
        out = presslens.analyze(text, only=["claims"], analyzer_options=options).to_dict()
        claims = [f for f in out["findings"] if f["kind"] == "claim"]
        assert all(text[f["start"]:f["end"]] == f["text"] for f in claims)
        return {c["text"] for f in claims for c in f["attributes"]["hedge_cues"]
                if text[c["start"]:c["end"]] == c["text"]} | {
            f["text"][:12] for f in claims if f["attributes"]["hedge_score"] > 0.0}

    default, wider = cues({}), cues({"claims.cue_candidates": "1.12"})
    assert "It is hard t" not in default and "It is hard t" in wider
    assert "The mayor ex" in default and "The mayor ex" not in wider
