"""`kiosk trials fetch` against a loopback ClinicalTrials.gov: the query, paging, rate limits,
the deadline, clear errors, and the file it writes into a content folder."""

from __future__ import annotations

import dataclasses
import datetime
import shutil
from pathlib import Path

import pytest

from kiosk.assets import default_content_dir
from kiosk.cli import main
from kiosk.content.source.loader import load_content
from kiosk.trials.model import TRIALS_PATH, parse_trials
from kiosk.trials.studies import TrialsFetchError, fetch_trials, write_trials
from tests.trials.api_server import study


def easy_or_hard(text: str) -> float:
    """A stand-in grader: the tests' own criteria say which they are."""
    return 12.5 if "hard" in text else 6.0


def test_asks_for_recruiting_studies_per_cancer_near_the_clinic_and_follows_pages(
    api, trial_settings
):
    api.studies["leukemia"] = [study(n) for n in range(1, 8)]
    api.studies["lymphoma"] = [study(5), study(20)]  # 5 is found under both
    report = fetch_trials(trial_settings, easy_or_hard, page_size=3)
    ids = [t.nct_id for t in report.trials.trials]
    assert sorted(ids) == [f"NCT{n:08d}" for n in (1, 2, 3, 4, 5, 6, 7, 20)]
    assert report.pages == 3 + 1 + 1  # 7 leukemia studies in pages of 3, then one page each
    by_id = {t.nct_id: t for t in report.trials.trials}
    assert by_id["NCT00000005"].cancers == ("leukemia", "lymphoma")
    path, query = api.queries[0]
    assert path == "/api/v2/studies"
    assert query["query.cond"] == "leukemia"
    assert query["filter.overallStatus"] == "RECRUITING"
    assert query["filter.geo"] == "distance(39.0000,-77.0000,50mi)"
    assert query["pageSize"] == "3" and "pageToken" not in query
    assert "protocolSection.eligibilityModule" in query["fields"].split(",")
    assert [q.get("pageToken") for _, q in api.queries[1:3]] == ["3", "6"]


def test_each_trial_is_put_in_plain_terms(api, trial_settings):
    near, far = ("Near Test Clinic", 39.01, -77.0), ("Far Test Clinic", 40.0, -77.0)
    api.studies["myeloma"] = [
        study(
            1,
            phases=("PHASE1", "PHASE2"),
            interventions=("Test Drug A", "Test Drug A", "Test Antibody"),
            sex="FEMALE",
            min_age="18 Years",
            max_age="75 Years",
            sites=(far, near),
            criteria="A hard list of rules.",
        ),
        study(2, phases=("NA",), min_age=None, sites=()),
        study(3, phases=("EARLY_PHASE1",), min_age="6 Months"),
    ]
    trials = {t.nct_id: t for t in fetch_trials(trial_settings, easy_or_hard).trials.trials}
    first = trials["NCT00000001"]
    assert first.phase == "1-2" and first.sex == "female"
    assert (first.min_age, first.max_age) == (18, 75)
    assert first.tested == ("Test Drug A", "Test Antibody")
    assert first.site.name == "Near Test Clinic" and first.site.miles == pytest.approx(0.7, 0.1)
    assert first.eligibility_grade == 12.5 and not first.eligibility_plain
    second = trials["NCT00000002"]
    assert second.phase == "none" and second.min_age is None and second.site is None
    assert second.eligibility_plain and second.eligibility_grade == 6.0
    assert trials["NCT00000003"].phase == "early-1" and trials["NCT00000003"].min_age == 0


def test_studies_without_a_valid_number_are_left_out(api, trial_settings):
    bad = study(4)
    bad["protocolSection"]["identificationModule"]["nctId"] = "NCT123"
    api.studies["leukemia"] = [study(1), bad]
    report = fetch_trials(trial_settings, easy_or_hard)
    assert [t.nct_id for t in report.trials.trials] == ["NCT00000001"]
    assert report.skipped == 1


def test_a_rate_limit_is_waited_out_as_the_api_asks(api, trial_settings):
    api.studies["leukemia"] = [study(1)]
    api.scripted = [(429, {"Retry-After": "3"}, b"Too many requests"), (503, {}, b"")]
    waits: list[float] = []
    report = fetch_trials(trial_settings, easy_or_hard, sleep=waits.append, draw=lambda: 0.0)
    assert len(report.trials.trials) == 1
    assert waits[0] == 3.0  # Retry-After, longer than the first backoff
    assert waits[1] == 2.0  # then the backoff's second step, jitter drawn at its low end
    assert report.waits == tuple(waits)


def test_a_rate_limit_longer_than_the_deadline_stops_with_words_that_say_so(api, trial_settings):
    api.scripted = [(429, {"Retry-After": "120"}, b"")]
    with pytest.raises(TrialsFetchError, match=r"asked to wait 120 s.*fetch_deadline_seconds"):
        fetch_trials(trial_settings, easy_or_hard, sleep=lambda s: None)


def test_a_rate_limit_that_never_lifts_gives_up_after_a_few_tries(api, trial_settings):
    api.scripted = [(429, {"Retry-After": "0"}, b"")] * 5
    with pytest.raises(TrialsFetchError, match="kept answering rate limit after 5 tries"):
        fetch_trials(trial_settings, easy_or_hard, sleep=lambda s: None)


def test_a_refused_query_says_what_the_api_said(api, trial_settings):
    api.scripted = [(400, {}, b"filter.geo: invalid distance")]
    with pytest.raises(TrialsFetchError, match=r"HTTP 400: filter.geo: invalid distance"):
        fetch_trials(trial_settings, easy_or_hard)


def test_a_wrong_address_and_a_page_that_is_not_json_are_named(api, trial_settings):
    wrong = dataclasses.replace(trial_settings, api_url=api.url + "/nothing-here")
    with pytest.raises(TrialsFetchError, match=r"HTTP 404.*check trials.api_url"):
        fetch_trials(wrong, easy_or_hard)
    api.scripted = [(200, {}, b"<html>maintenance</html>")]
    with pytest.raises(TrialsFetchError, match="not a page of studies"):
        fetch_trials(trial_settings, easy_or_hard)


def test_an_api_that_does_not_answer_is_dropped_at_the_deadline(api, trial_settings):
    api.hold.set()
    quick = dataclasses.replace(trial_settings, deadline_seconds=0.5)
    with pytest.raises(TrialsFetchError, match=r"longer than trials.fetch_deadline_seconds"):
        fetch_trials(quick, easy_or_hard)


def test_nothing_listening_is_a_clear_error(trial_settings):
    closed = dataclasses.replace(trial_settings, api_url="http://127.0.0.1:9/api/v2")
    with pytest.raises(TrialsFetchError, match="refused the connection"):
        fetch_trials(closed, easy_or_hard)


def test_the_file_it_writes_is_what_the_loader_reads(api, trial_settings, tmp_path):
    api.studies["lymphoma"] = [study(n) for n in range(1, 4)]
    moment = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC)
    report = fetch_trials(trial_settings, easy_or_hard, now=moment)
    folder = tmp_path / "content"
    shutil.copytree(default_content_dir(), folder)
    write_trials(folder, report.trials)
    assert parse_trials((folder / TRIALS_PATH).read_bytes()) == report.trials
    bundle = load_content(folder)
    assert bundle.trials == report.trials
    assert bundle.trials.fetched_at == moment


def test_the_command_writes_trials_json_and_says_what_it_found(api, tmp_path, capsys):
    pytest.importorskip("textstat")
    api.studies["leukemia"] = [study(1), study(2, criteria="You are an adult.")]
    folder = tmp_path / "content"
    shutil.copytree(default_content_dir(), folder)
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[trials]\napi_url = "{api.url}"\nlatitude = "39.0"\nlongitude = "-77.0"\n'
        'conditions = "leukemia"\n'
    )
    assert main(["trials", "fetch", str(folder), "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "wrote 2 recruiting trials within 100 miles (leukemia 2)" in out
    listed = parse_trials((folder / TRIALS_PATH).read_bytes())
    assert all(t.eligibility_grade is not None for t in listed.trials)


def test_the_command_needs_the_clinics_location(tmp_path, capsys):
    folder = tmp_path / "content"
    shutil.copytree(default_content_dir(), folder)
    assert main(["trials", "fetch", str(folder)]) == 2
    assert "set trials.latitude and trials.longitude" in capsys.readouterr().err
    assert not (folder / TRIALS_PATH).exists()


def test_the_command_writes_nothing_when_the_fetch_fails(api, tmp_path, capsys):
    api.scripted = [(400, {}, b"bad query")]
    folder = tmp_path / "content"
    shutil.copytree(default_content_dir(), folder)
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[trials]\napi_url = "{api.url}"\nlatitude = "39"\nlongitude = "-77"\n')
    assert main(["trials", "fetch", str(folder), "--config", str(config)]) == 1
    assert "kiosk trials fetch: the API refused the query (HTTP 400: bad query)" in (
        capsys.readouterr().err
    )
    assert not Path(folder / TRIALS_PATH).exists()


def test_a_trial_is_found_by_the_start_of_its_words_without_case_or_accents():
    from tests.trials.samples import sample_list

    listed = sample_list()
    assert [t.nct_id for t in listed.search("MEDICINE 2")] == ["NCT00000002"]
    assert [t.nct_id for t in listed.search("médic 1")] == ["NCT00000001"]
    assert listed.search("   ") == [] and listed.search("nothing-like-this") == []
