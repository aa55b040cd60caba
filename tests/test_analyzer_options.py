"""Analyzer options (issue 13's design debt): declared per analyzer, set through ``PipelineConfig.options`` or
``--option NAME=VALUE``, never read from the environment, and recorded in the report's provenance."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from presslens.analyzers.base import AnalyzerOptionError, all_options, create, parse_option
from presslens.article import Report
from presslens.cli import main
from presslens.pipeline import Pipeline, PipelineConfig
from presslens.report import report_from_dict
from presslens.store.rows import stored_report

CURFEW = ("Curfew talk\n\nThe curfew has emptied the old town every night since March. Shop owners say trade has "
          "halved. The city council should repeal the curfew ordinance before the summer season starts.\n\n"
          "The council meets again on Monday.")
PORT = ("Port strike\n\nThe port authority met union leaders on Monday.\n\n"
        "The ministry said the new terminal will open next year.\n\n"
        "Dockers plan to walk out again in March, the union said.")
TALKS = "The minister said that the talks had failed, and the army said that the fighting would go on."
POLICE = "Police said a couple of weeks ago that 40 people were hurt."
TIME_FOR = ("Curfew talk\n\nThe curfew has emptied the old town every night since March. Shop owners say trade has "
            "halved. It is high time for the council to repeal the curfew ordinance.\n\nThe council meets again on "
            "Monday.")
SCHOOLS = ("School choice\n\nThe district closed two schools this year. I encourage all parents looking for another "
           "school to visit the district office this week.\n\nThe office is open on weekdays.")

# option, value, the analyzer it belongs to, a small text where the value changes that analyzer's findings
JABBED = ("Council row\n\nThe mayor lost his temper on Tuesday.\n\n'You think the treasurer should have resigned?\n"
          "Someone should ask you these questions because of the way you write your reports,' he jabbed.\n\n"
          "The meeting ended at nine.\n")
HARBOUR_VOTE = ("Harbour sale\n\nThe council wants to sell the old harbour to a developer. So I am asking you to vote "
                "against the sale at the town meeting on Monday.\n\nThe meeting starts at seven.")
HARBOUR_HOPE = ("Harbour sale\n\nThe council wants to sell the old harbour to a developer. If you agree, I hope that "
                "you will vote against the sale at the town meeting on Monday.\n\nThe meeting starts at seven.")
CASES = [
    ("attribution.scorer", "calibrated", "attribution", TALKS),
    ("attribution.post_lines", "signature", "attribution",
     "Police said the march went on past midnight.\nWATCH: A driver honks at the marchers and says they are "
     "\u201cblocking an ambulance\u201d on Main Street.\npic.twitter.com/Qz81abc \u2014 Lena Fors (@lenafors) "
     "March 3, 2019\n"),
    ("attribution.pictures", "speech", "attribution", "Crowds\n\nA new video shows hundreds of people boarding trucks."),
    ("attribution.headline_colons", "on", "attribution",
     "Mara Voss: The Harbour Plan Will Cost Twice as Much as Promised\n\nThe councillor spoke on Monday.\n"),
    ("attribution.dash_blocks", "off", "attribution",
     "Harbour fares\n\nThe ferry company will add two boats before summer.\nFares rose nine per cent last year.\n"
     "\u2013Harbour Gazette\nCommuters were not surprised by the rise.\n"),
    ("attribution.adjective_nouns", "candidate", "attribution",
     "Embassy staff fall ill\n\nThe new findings echo similar reports that the staff had heard a loud noise at night."),
    ("attribution.relative_reports", "cut", "attribution",
     "Clinic row\n\nMara Lind, the nurse who accused the clinic of falsifying records, says the managers ignored her complaints."),
    ("attribution.unfound_speakers", "on", "attribution",
     "Harbour row\n\nKovalenko, 53, vehemently denied the allegations of bribery on Monday."),
    ("attribution.unlisted_cues", "candidate", "attribution",
     "Town council\n\nThe council decreed that the market would close at noon on Sundays."),
    ("attribution.interview_turns", "on", "attribution",
     "Harbour talks\n\nRadio Kestrel: Prices rose last month and skippers are angry.\nLena Ostrova: Prices follow "
     "the catch, and the catch is steady this year.\n"),
    ("attribution.name_may", "off", "attribution",
     "Harbour fees\n\nCouncil leader Ruth May said the ferry fee would rise in June. May warned that the harbour could "
     "close without the money.\n"),
    ("attribution.single_quotes", "on", "attribution",
     "Harbour fees\n\nThe skippers met on Friday.\n'The harbour fee is the highest it has ever been and the council "
     "knows it,' Ruth Okafor said.\n'It is unfair, and we will not pay it.\nThe council must think again.'\n"
     "The council did not reply.\n"),
    ("attribution.report_nouns", "on", "attribution",
     "Harbour fees\n\nThe harbour board met on Friday. Later the skippers discussed the reports that the ferry fee "
     "would double in June.\n"),
    ("figures.scores", "calibrated", "figures", POLICE),
    ("figures.readings", "general", "figures", "Clinton leads among voters 45 and older."),
    ("violence.call_demands", "off", "violence", TIME_FOR),
    ("violence.call_pleas", "off", "violence", SCHOOLS),
    ("violence.call_voice_checks", "on", "violence", JABBED),
    ("violence.call_progressive_pleas", "on", "violence", HARBOUR_VOTE),
    ("violence.call_hope_pleas", "on", "violence", HARBOUR_HOPE),
    ("claims.prediction_scorer", "learned", "claims", PORT),
    ("claims.furniture", "layout", "claims",
     "Ferries collide off Larn\n\n(CNN) Two ferries collided off Larn on Monday, injuring 14 passengers."),
    ("techniques.nested", "all", "techniques",
     "Rally\n\nOnly traitors would betray the American people and our glorious flag! Rise up now!"),
    ("techniques.edges", "raw", "techniques",
     'Debate\n\nThe candidate vowed on Saturday to rid the world of "this barbarous militia" but said little about how.'),
    ("techniques.sentences", "news", "techniques",
     "Harbour\n\nThe council said on Monday that the harbour will reopen after repairs to the north pier."),
    ("techniques.lexicon", "context", "techniques",
     "Rally\n\nThis deal is a total disaster for every family in the country, and the corrupt traitors know it!"),
    ("claims.cue_candidates", "1.12", "claims",
     "Convoy lost\n\nIt is hard to know if the convoy ever reached the depot, the coast guard said on Monday."),
    ("claims.prediction_rules", "stop25", "claims",
     "Harbour sale\n\nHistorians will look back with disbelief at how the council sold the harbour last year."),
    ("claims.cue_readings", "s29", "claims",
     "Harbour vote\n\nMost residents of the port may have backed the harbour plan, but the council rejected it by 14 "
     "votes to 3 in March."),
    ("claims.cue_veto", "on", "claims",
     "Smugglers at the border\n\nReports indicated that smugglers were paying as much as $50,000 each to cross the "
     "border into Texas last year."),    # s29 (claims17): the profiled claim scorer rescores the unattributed units of the column
    ("claims.claim_gate", "kept", "claims", CURFEW),
]


def _report(text: str, only: str, options: dict[str, str] | None = None) -> Report:
    from presslens import read_article

    pipeline = Pipeline(PipelineConfig(only=(only,), options=options or {}))
    return pipeline.run(read_article(text))


def _own(report: Report, analyzer: str) -> list[tuple[int, int, str, str, float, bool]]:
    # with a claim's "hedged" flag: the option claims.cue_veto moves it and no score
    return [(f.start, f.end, f.kind, f.label, f.score, bool(f.attributes.get("hedged")))
            for f in report.findings if f.analyzer == analyzer]


def test_every_option_is_declared_with_a_default_among_its_values_and_a_help_line() -> None:
    declared = all_options()
    assert sorted(declared) == sorted(key for key, *_ in CASES)
    for key, value, analyzer, _ in CASES:
        opt = declared[key]
        assert opt.default in opt.choices and value in opt.choices and value != opt.default
        assert opt.help and "\n" not in opt.help
        assert create(analyzer).option(opt.name) == opt.default
        assert create(analyzer, {opt.name: value}).option(opt.name) == value


@pytest.mark.parametrize(("key", "value", "analyzer", "text"), CASES)
def test_each_option_changes_its_analyzers_findings_and_is_in_the_provenance(
        key: str, value: str, analyzer: str, text: str) -> None:
    default = _report(text, analyzer)
    changed = _report(text, analyzer, {key: value})
    assert _own(default, analyzer) != _own(changed, analyzer)
    assert "options" not in default.provenance
    assert changed.provenance["options"] == {key: value}
    assert changed.to_dict()["provenance"]["options"] == {key: value}
    assert report_from_dict(changed.to_dict()).provenance["options"] == {key: value}  # the schema accepts it


@pytest.mark.parametrize(("key", "value", "analyzer", "text"), CASES)
def test_an_option_set_to_its_default_changes_nothing(key: str, value: str, analyzer: str, text: str) -> None:
    default_value = all_options()[key].default
    before = _report(text, analyzer).to_dict()
    after = _report(text, analyzer, {key: default_value}).to_dict()
    assert json.dumps(before, sort_keys=True) == json.dumps(after, sort_keys=True)


def test_the_environment_variables_no_longer_switch_anything(monkeypatch: pytest.MonkeyPatch) -> None:
    before = _report(POLICE, "figures")
    calls_before = _own(_report(CURFEW, "violence"), "violence")
    monkeypatch.setenv("PRESSLENS_FIGURE_SCORES", "calibrated")
    monkeypatch.setenv("PRESSLENS_CALL_DEMANDS", "0")
    assert _own(_report(POLICE, "figures"), "figures") == _own(before, "figures")
    assert _own(_report(CURFEW, "violence"), "violence") == calls_before


def test_no_analyzer_reads_the_environment() -> None:
    root = Path(__file__).resolve().parents[1] / "src" / "presslens" / "analyzers"
    readers = [str(p.relative_to(root)) for p in root.rglob("*.py") if "os.environ" in p.read_text(encoding="utf-8")]
    assert readers == []


@pytest.mark.parametrize(("options", "message"), [
    ({"attribution.scorrer": "learned"}, "unknown analyzer option 'attribution.scorrer'; known: attribution.scorer"),
    ({"figures.scores": "fitted"}, "analyzer option 'figures.scores' does not allow 'fitted'; allowed: rules, calibrated"),
    ({"nosuch.scorer": "learned"}, "unknown analyzer option 'nosuch.scorer'"),
])
def test_unknown_options_and_values_fail_with_one_line(options: dict[str, str], message: str) -> None:
    with pytest.raises(AnalyzerOptionError) as caught:
        Pipeline(PipelineConfig(options=options))
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)


def test_an_option_of_an_analyzer_the_pipeline_does_not_run_fails() -> None:
    with pytest.raises(AnalyzerOptionError, match="analyzer 'claims' is not in this pipeline"):
        Pipeline(PipelineConfig(only=("figures",), options={"claims.prediction_scorer": "learned"}))
    # a required analyzer runs, so its option is accepted
    pipeline = Pipeline(PipelineConfig(only=("claims",), options={"figures.scores": "calibrated"}))
    assert pipeline.changed_options() == {"figures.scores": "calibrated"}


def test_parse_option_reads_name_equals_value() -> None:
    assert parse_option(" violence.call_demands = on ") == ("violence.call_demands", "on")
    with pytest.raises(AnalyzerOptionError, match="expected NAME=VALUE"):
        parse_option("violence.call_demands")


def test_cli_lists_the_options_with_their_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--list-options"]) == 0
    lines = capsys.readouterr().out.splitlines()
    for key, opt in all_options().items():
        line = next(x for x in lines if x.startswith(key + " "))
        assert f"default {opt.default}" in line and "|".join(opt.choices) in line


def test_cli_option_reaches_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "police.txt"
    src.write_text(POLICE, encoding="utf-8")
    out_default, out_option = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["analyze", str(src), "--only", "figures", "-o", str(out_default), "--no-progress"]) == 0
    assert main(["analyze", str(src), "--only", "figures", "-o", str(out_option), "--no-progress",
                 "--option", "figures.scores=calibrated"]) == 0
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (out_default, out_option))
    assert "options" not in a["provenance"]
    assert b["provenance"]["options"] == {"figures.scores": "calibrated"}
    assert [f["score"] for f in a["findings"]] != [f["score"] for f in b["findings"]]


@pytest.mark.parametrize("bad", ["figures.scores=fitted", "figures.scorez=calibrated", "figures.scores"])
def test_cli_bad_option_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str) -> None:
    src = tmp_path / "police.txt"
    src.write_text(POLICE, encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["analyze", str(src), "--only", "figures", "-o", str(out), "--option", bad]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "figures.score" in err
    assert not out.exists()


def test_index_records_the_options_in_each_stored_report(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": POLICE + f" Day {i}."}) + "\n" for i in range(2)),
                      encoding="utf-8")
    db = tmp_path / "corpus.db"
    assert main(["index", str(corpus), "--db", str(db), "--only", "figures", "--no-progress",
                 "--option", "figures.scores=calibrated"]) == 0
    with sqlite3.connect(db) as conn:
        docs = [stored_report(bytes(r[0]), r[1]) for r in conn.execute("SELECT report, text FROM articles")]
    assert len(docs) == 2
    assert all(d["provenance"]["options"] == {"figures.scores": "calibrated"} for d in docs)


def test_eval_realnews_refuses_a_bad_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["eval", "realnews", "--data", str(tmp_path), "--option", "claims.prediction_scorer=neural"]) == 2
    assert "claims.prediction_scorer" in capsys.readouterr().err


def test_markdown_and_html_name_the_options_only_when_set() -> None:
    from presslens.report.html import to_html
    from presslens.report.markdown import to_markdown

    default = _report(POLICE, "figures")
    changed = _report(POLICE, "figures", {"figures.scores": "calibrated"})
    assert "Analyzer options" not in to_markdown(default) and "Analyzer options" not in to_html(default)
    assert "Analyzer options (not the defaults): figures.scores=calibrated" in to_markdown(changed)
    assert "<code>figures.scores=calibrated</code>" in to_html(changed)
