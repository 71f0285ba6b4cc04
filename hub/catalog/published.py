"""Reading the published content the way a kiosk does: signed, verified, within a deadline.

The admins publish content as a TUF repository on a static host
(kiosk/content/publishing/publish.py); kiosks verify it from the root.json they were
provisioned with. The hub reads the same repository with the same trust (HUB_CONTENT_URL,
HUB_CONTENT_ROOT) through python-tuf: it refreshes the metadata, reads the signed file list
from targets.json and its hash bins (as the kiosk's sync does) and the signed `index.json`
(the version and its digest), then each card file it has not cached yet (files are named by
hash, so a new version costs only its changed cards), and takes each card's `title` from its
front matter. Nothing unsigned is ever shown as a title.

All of one reading shares one deadline (the kiosk's DeadlineFetcher, HUB_CONTENT_SECONDS),
and it runs from `clinic-hub fleet-check` or `content-check`, never while a page is shown:
pages read what was stored. A failure keeps the titles already stored and records why, for
the fleet page to say.
"""

from __future__ import annotations

import contextlib
import datetime
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from tuf.api.metadata import TargetFile
from tuf.ngclient import Updater, UpdaterConfig

from hub.catalog.models import CardTitle, PublishedContent
from kiosk.content.index import INDEX_PATH, MAX_INDEX_BYTES, parse_index, signed_entries
from kiosk.content.model import ID_PATTERN, LANGUAGES
from kiosk.content.source import frontmatter
from kiosk.content.source.loader import MAX_CARD_BYTES
from kiosk.content.updates.fetcher import DeadlineFetcher
from kiosk.content.updates.sync import signed_targets
from kiosk.files import held_lock

AGENT = "clinic-hub"
TITLE_LIMIT = 200


class NotPublished(Exception):
    """The published content could not be read; the message says why (no secrets in it)."""


@dataclass(frozen=True)
class Published:
    version: str
    digest: str
    titles: dict[tuple[str, str], str]  # (card id, language) -> title


def configured() -> bool:
    return bool(settings.HUB_CONTENT_URL)


def read_published(url: str, root: bytes, cache: Path, seconds: float) -> Published:
    """The newest signed version at `url` with its cards' titles, or NotPublished."""
    metadata, targets = cache / "metadata", cache / "targets"
    for folder in (metadata, targets):
        folder.mkdir(parents=True, exist_ok=True)
    updater = Updater(
        str(metadata),
        f"{url}/metadata/",
        str(targets),
        f"{url}/targets/",
        config=UpdaterConfig(app_user_agent=AGENT),
        bootstrap=root,
        fetcher=DeadlineFetcher(seconds, app_user_agent=AGENT),
    )
    updater.refresh()
    # The file list, as a kiosk reads it: from targets.json and the hash bins it delegates to.
    signed = signed_entries(signed_targets(updater))
    index = parse_index(_fetch(updater, INDEX_PATH, MAX_INDEX_BYTES, None), signed)
    titles = {}
    for path, entry in index.files.items():
        name = path.removeprefix("cards/").removesuffix(".md")
        if name == path or "." not in name:
            continue  # not a card: content.toml, an image
        card_id, lang = name.rsplit(".", 1)
        if not ID_PATTERN.match(card_id) or lang not in LANGUAGES:
            continue
        data = _fetch(updater, path, min(entry.length, MAX_CARD_BYTES), entry.sha256)
        try:
            title = frontmatter.split(data.decode("utf-8")).fields.get("title")
        except (UnicodeDecodeError, frontmatter.FrontMatterError):
            continue  # signed, yet unreadable: the id is shown for this one
        if isinstance(title, str) and title.strip():
            titles[(card_id, lang)] = title.strip()[:TITLE_LIMIT]
    return Published(index.version, index.digest, titles)


def _fetch(updater: Updater, path: str, limit: int, sha256: str | None) -> bytes:
    """A signed target's verified bytes, from the hash-named cache when it is there."""
    info: TargetFile | None = updater.get_targetinfo(path)
    if info is None or "sha256" not in info.hashes:
        raise NotPublished(f"{path} is not a signed target")
    if info.length > limit:
        raise NotPublished(f"{path} is signed as {info.length:,} bytes, over {limit:,}")
    if sha256 is not None and info.hashes["sha256"] != sha256:
        raise NotPublished(f"index.json and targets.json disagree on {path}")
    cached = Path(updater.target_dir) / info.hashes["sha256"]
    if not updater.find_cached_target(info, str(cached)):
        partial = cached.with_name(f".{cached.name}.partial")
        updater.download_target(info, str(partial))  # verifies length and hash first
        os.replace(partial, cached)
    return cached.read_bytes()


def refresh(now: datetime.datetime | None = None) -> PublishedContent | None:
    """Read the published content now and store what was read (or why it failed).

    None when HUB_CONTENT_URL is not set, or another reading is running right now.
    """
    if not configured():
        return None
    now = now or timezone.now()
    cache = Path(settings.HUB_CONTENT_CACHE)
    cache.mkdir(parents=True, exist_ok=True, mode=0o700)
    with _only_one(cache) as alone:
        if not alone:
            return None
        try:
            root = Path(settings.HUB_CONTENT_ROOT).read_bytes()
        except OSError as error:
            return _failed(now, f"HUB_CONTENT_ROOT cannot be read ({error.strerror or error})")
        try:
            published = read_published(
                settings.HUB_CONTENT_URL, root, cache, settings.HUB_CONTENT_SECONDS
            )
        except Exception as error:  # whatever went wrong, the pages keep what they had
            return _failed(now, f"{type(error).__name__}: {error}")
        return _store(now, published)


def due(now: datetime.datetime | None = None) -> bool:
    """Whether fleet-check should read the published content again."""
    if not configured():
        return False
    now = now or timezone.now()
    row = PublishedContent.objects.filter(pk=1).first()
    if row is None or row.checked_at is None:
        return True
    return now - row.checked_at >= datetime.timedelta(minutes=settings.HUB_CONTENT_MINUTES)


def current() -> PublishedContent | None:
    return PublishedContent.objects.filter(pk=1).first()


def _store(now: datetime.datetime, published: Published) -> PublishedContent:
    with transaction.atomic():
        row, _ = PublishedContent.objects.select_for_update().get_or_create(pk=1)
        version = published.version[:80]
        CardTitle.objects.bulk_create(  # one statement for every title, not two per title
            [
                CardTitle(card_id=card_id, lang=lang, title=title, version=version)
                for (card_id, lang), title in published.titles.items()
            ],
            update_conflicts=True,
            unique_fields=["card_id", "lang"],
            update_fields=["title", "version"],
        )
        row.version, row.digest = published.version[:80], published.digest
        row.cards = len({card_id for card_id, _ in published.titles})
        row.read_at = row.checked_at = now
        row.error = ""
        row.save()
    return row


def _failed(now: datetime.datetime, reason: str) -> PublishedContent:
    with transaction.atomic():
        row, _ = PublishedContent.objects.select_for_update().get_or_create(pk=1)
        row.checked_at, row.error = now, reason[:300]
        row.save(update_fields=["checked_at", "error"])
    return row


@contextlib.contextmanager
def _only_one(cache: Path) -> Iterator[bool]:
    """One reading at a time per cache (the timer's and a manual `content-check`)."""
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(held_lock(cache / ".lock", wait=False))
        except BlockingIOError:
            yield False
            return
        yield True
