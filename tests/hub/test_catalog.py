"""Card titles and the newest version, read from a real signed repository on loopback.

The repository is published by the kiosk's own `publish` with real keys and served by a
plain static host; the hub verifies it from the same root.json the kiosks trust.
"""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from hub.catalog import published
from hub.catalog.models import CardTitle, PublishedContent
from hub.intake.models import CallbackRequest
from tests.content.repo_server import RepoServer
from tests.hub.content import Repository


@pytest.fixture
def repository(tmp_path):
    return Repository(tmp_path)


@pytest.fixture
def host(repository):
    with RepoServer(repository.repo) as running:
        yield running


@pytest.fixture
def reading(settings, repository, host, tmp_path):
    """The hub pointed at the loopback host, trusting the keys' root.json."""
    settings.HUB_CONTENT_URL = host.url
    settings.HUB_CONTENT_ROOT = str(repository.root)
    settings.HUB_CONTENT_CACHE = tmp_path / "hub-content"
    return settings


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_titles_and_version_come_from_the_signed_repository(db, repository, host, reading):
    result = repository.publish("2026.02")
    row = published.refresh()
    assert (row.version, row.digest, row.error) == ("2026.02", result.bundle.digest, "")
    assert row.cards == len({card.id for card in result.bundle.cards})
    assert CardTitle.objects.get(card_id="cytokines", lang="en").title == "Cytokines"
    assert CardTitle.objects.get(card_id="why-cancer-can-hide", lang="es").title == (
        "Por qué el cáncer puede esconderse"
    )


def test_a_new_version_fetches_only_the_cards_that_changed(db, repository, host, reading):
    repository.publish("2026.02")
    published.refresh()
    host.take_requests()
    repository.retitle("cytokines.en.md", "Cytokines", "Cytokines: the immune system's messages")
    repository.publish("2026.03")
    row = published.refresh()
    assert row.version == "2026.03"
    cards = [path for path in host.take_requests() if path.startswith("/targets/cards/")]
    assert len(cards) == 1 and cards[0].endswith(".cytokines.en.md")
    assert CardTitle.objects.get(card_id="cytokines", lang="en").title.endswith("messages")


def test_a_host_that_does_not_answer_fails_soft_and_keeps_the_titles(db, repository, host, reading):
    repository.publish("2026.02")
    published.refresh()
    host.stopping.set()
    host.shutdown()
    host.server_close()
    row = published.refresh()
    assert row.version == "2026.02" and row.error  # what was read stays; why is recorded
    assert CardTitle.objects.filter(card_id="cytokines").exists()


def test_content_signed_with_other_keys_is_refused(db, repository, host, reading, tmp_path):
    repository.publish("2026.02")
    stranger = Repository(tmp_path / "other")
    reading.HUB_CONTENT_ROOT = str(stranger.root)
    row = published.refresh()
    assert row.error and row.read_at is None and not CardTitle.objects.exists()


def test_a_missing_root_is_said_plainly(db, reading, tmp_path):
    reading.HUB_CONTENT_ROOT = str(tmp_path / "no-root.json")
    assert "HUB_CONTENT_ROOT cannot be read" in published.refresh().error


def test_fleet_check_reads_it_when_due_and_content_check_at_once(db, repository, host, reading):
    repository.publish("2026.02")
    assert "published content: version 2026.02" in run("fleet_check")
    assert "published content" not in run("fleet_check")  # not due again yet
    PublishedContent.objects.update(checked_at=timezone.now() - datetime.timedelta(hours=1))
    assert "published content: version 2026.02" in run("fleet_check")
    assert "version 2026.02" in run("content_check")


def test_content_check_without_a_url_says_so(db, settings):
    settings.HUB_CONTENT_URL = ""
    with pytest.raises(CommandError, match="HUB_CONTENT_URL is not set"):
        run("content_check")
    assert "published content" not in run("fleet_check")


def test_the_inbox_shows_the_title_in_the_calls_language_or_the_id_with_a_note(
    client, specialist, kiosk, repository, host, reading
):
    def request(key: str, topic: str, language: str) -> None:
        CallbackRequest.objects.create(
            kiosk=kiosk,
            idempotency_key=key,
            reference="7KX4QM",
            created_at=timezone.now(),
            first_name="Test Patient",
            phone="+12025550123",
            best_time="any",
            language=language,
            topic=topic,
        )

    request("a", "why-cancer-can-hide", "es")
    request("b", "retired-card", "en")
    page = client.get("/").content.decode()
    assert "the published content has not been read yet" in page
    repository.publish("2026.02")
    published.refresh()
    page = client.get("/").content.decode()
    assert "Por qué el cáncer puede esconderse" in page
    assert "<code>retired-card</code>" in page and "not in the published content" in page
