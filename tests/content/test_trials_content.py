"""The trials list travels with the content: the loader checks it, publishing signs it, a
sync brings it to the kiosk's store, and a list that breaks a rule is refused like a bad card."""

from __future__ import annotations

import datetime
import json

import pytest

from kiosk.content.publishing.publish import publish
from kiosk.content.source.loader import ContentError, load_content
from kiosk.content.storage.store import ContentStore
from kiosk.content.updates.outcome import Outcome
from kiosk.content.updates.sync import sync_once
from kiosk.trials.model import MAX_TRIALS_BYTES, TRIALS_PATH, BadTrials, dump_trials, parse_trials
from kiosk.trials.studies import write_trials
from tests.trials.samples import sample_list, sample_trial

FETCHED = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC)


def problems_with(content_dir, document) -> str:
    (content_dir / TRIALS_PATH).write_text(json.dumps(document))
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    return str(caught.value)


def good_document() -> dict:
    return json.loads(dump_trials(sample_list(FETCHED)))


def test_a_folder_without_trials_loads_as_before(content_dir):
    assert load_content(content_dir).trials is None


def test_the_list_round_trips_through_its_file():
    listed = sample_list(FETCHED)
    assert parse_trials(dump_trials(listed)) == listed
    assert dump_trials(parse_trials(dump_trials(listed))) == dump_trials(listed)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["trials"][0].update(nct_id="NCT1234"), "'nct_id' must be NCT and 8 digits"),
        (lambda d: d["trials"][1].update(nct_id=d["trials"][0]["nct_id"]), "is listed twice"),
        (lambda d: d["trials"][0].update(phase="PHASE2"), "'phase' must be one of"),
        (lambda d: d["trials"][0].update(min_age=80, max_age=20), "above 'max_age'"),
        (
            lambda d: d["trials"][1].update(eligibility_plain=True),
            "eligibility marked plain but graded above 8",
        ),
        (lambda d: d["trials"][0].update(title="x" * 401), "longer than 400 characters"),
        (lambda d: d["trials"][0].update(cancers=["melanoma"]), "must list some of leukemia"),
        (lambda d: d.update(fetched_at="2026-11-02 09:00"), "'fetched_at' must be an ISO 8601"),
        (lambda d: d.update(format=7), "is not format 1"),
    ],
)
def test_a_list_that_breaks_a_rule_is_refused_with_the_reason(content_dir, change, words):
    document = good_document()
    change(document)
    message = problems_with(content_dir, document)
    assert f"{TRIALS_PATH}:" in message and words in message


def test_an_oversized_list_is_refused_before_it_is_parsed(content_dir):
    (content_dir / TRIALS_PATH).write_bytes(b" " * (MAX_TRIALS_BYTES + 1))
    with pytest.raises(ContentError, match=r"trials.json: .*(bytes|larger)"):
        load_content(content_dir)
    with pytest.raises(BadTrials, match="limit"):
        parse_trials(b" " * (MAX_TRIALS_BYTES + 1))


def test_the_list_is_signed_published_synced_and_stored(
    content_dir, repo, keys, settings, kiosk_dir
):
    write_trials(content_dir, sample_list(FETCHED))
    published = publish(content_dir, repo, keys)
    assert published.bundle.trials == sample_list(FETCHED)
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    store = ContentStore(kiosk_dir / "content.db")
    try:
        assert store.trials() == sample_list(FETCHED)
        assert store.info().trials_fetched_at == "2026-11-02T09:00:00+00:00"
    finally:
        store.close()
    # A newer list is a new version of the content, and replaces the old one.
    newer = sample_list(FETCHED + datetime.timedelta(days=7), (sample_trial(9),))
    write_trials(content_dir, newer)
    publish(content_dir, repo, keys)
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    store = ContentStore(kiosk_dir / "content.db")
    try:
        assert [t.nct_id for t in store.trials().trials] == ["NCT00000009"]
    finally:
        store.close()
    # And a version without one takes it away.
    (content_dir / TRIALS_PATH).unlink()
    publish(content_dir, repo, keys)
    assert sync_once(settings, kiosk_dir).outcome is Outcome.UPDATED
    store = ContentStore(kiosk_dir / "content.db")
    try:
        assert store.trials() is None and store.info().trials_fetched_at is None
    finally:
        store.close()


def test_the_list_filters_by_cancer_and_phase_nearest_first():
    listed = sample_list(FETCHED)
    assert [t.nct_id for t in listed.matching()] == ["NCT00000001", "NCT00000002", "NCT00000003"]
    assert [t.nct_id for t in listed.matching(cancer="leukemia")] == ["NCT00000002"]
    assert [t.nct_id for t in listed.matching(phase="3")] == ["NCT00000003"]
    assert listed.matching(cancer="leukemia", phase="3") == []
    assert listed.phases() == ["1-2", "2", "3"]


def test_staleness_is_counted_from_the_fetch():
    listed = sample_list(FETCHED)
    assert not listed.is_stale(FETCHED + datetime.timedelta(days=30), 30)
    assert listed.is_stale(FETCHED + datetime.timedelta(days=30, seconds=1), 30)
