"""Content updates on a kiosk: fetch a signed version, verify all of it, then apply it whole.

python-tuf's ngclient does the trust work. Starting from the root this kiosk was provisioned
with (passed as `bootstrap`, never a root fetched on first use) it checks signatures,
versions (no rollback or replay), expiry (no freeze) and each file's length and hashes.
This module decides what to fetch and when the store may be touched:

1. refresh the metadata and fetch `index.json`, the signed label of the version;
2. if the store already holds that version, stop: up to date;
3. read the version's files from the signed hash bins (only the bins that changed are
   fetched; the rest are verified from this kiosk's copies), fetch the files the cache
   (keyed by hash) lacks, and lay them out as a content folder;
4. load that folder with the loader `kiosk content validate` uses, so the kiosk applies
   exactly what validation accepts;
5. replace the store in one transaction, and only once that worked keep the folder as the
   last verified download (what a corrupt store is rebuilt from).

A failure anywhere before step 5 leaves the store untouched, and step 5 is all or nothing.
Signed content that loads but cannot be stored (a number SQLite cannot hold) therefore never
becomes "last verified": the copy to rebuild from is always one this kiosk has stored.
`sync_once` never raises: every outcome, good or bad, comes back as a SyncResult.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable, Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tuf.api.exceptions import RepositoryError
from tuf.api.metadata import TargetFile, Targets
from tuf.ngclient import Updater, UpdaterConfig

from kiosk import __version__
from kiosk.content.index import (
    GLOSSARY_PATH,
    INDEX_PATH,
    MAX_INDEX_BYTES,
    ContentIndex,
    IndexedFile,
    compare,
    listing,
    parse_index,
    parse_listing,
    signed_entries,
)
from kiosk.content.model import Card, ContentBundle
from kiosk.content.source.loader import ContentError, load_content
from kiosk.content.source.render import RenderedBody
from kiosk.content.storage.store import ContentInfo, ContentStore
from kiosk.content.updates import fetcher
from kiosk.content.updates.first_start import STORE_FILE
from kiosk.content.updates.outcome import (
    Outcome,
    SyncError,
    SyncErrorCode,
    SyncResult,
    UpdateRejected,
    classify,
    failed,
)
from kiosk.content.updates.settings import SyncSettings
from kiosk.content.updates.state import (
    SyncBusy,
    SyncPaths,
    keep_verified,
    read_verified_pointer,
    record_failure,
    record_success,
    write_file_atomically,
)

log = logging.getLogger(__name__)

MAX_VERSION_BYTES = 512 * 1024 * 1024  # all files of one version together


def _utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def sync_once(
    settings: SyncSettings,
    data_dir: Path,
    *,
    clock: Callable[[], datetime.datetime] = _utc_now,
    deadline_seconds: float | None = None,
) -> SyncResult:
    """Check the repository once and apply a new version if there is one. Never raises.

    All its downloads together end within `deadline_seconds` (by default
    fetcher.SYNC_DEADLINE_SECONDS, read when called).
    """
    paths = SyncPaths.under(data_dir)
    deadline = deadline_seconds or fetcher.SYNC_DEADLINE_SECONDS
    try:
        with paths.locked():
            result = _Sync(settings, data_dir, paths, deadline).run()
    except SyncBusy:
        return failed(SyncError(SyncErrorCode.BUSY))
    except Exception as error:  # every failure becomes a result: the UI never sees a raise
        reason = classify(error)
        result = failed(reason)
        log.warning("content %s", result.describe())
        try:
            record_failure(data_dir, reason, clock())
        except OSError as unrecorded:
            log.error("cannot record the sync error: %s", unrecorded)
        return result
    try:
        record_success(data_dir, result.version, clock())
    except OSError as unrecorded:
        log.error("cannot record the sync result: %s", unrecorded)
    if result.outcome is Outcome.UPDATED:
        log.info("content updated to version %s: %s", result.version, result.changes.describe())
    return result


class _Sync:
    """One run: an Updater lives for one refresh, so each run makes its own."""

    def __init__(
        self, settings: SyncSettings, data_dir: Path, paths: SyncPaths, deadline: float
    ) -> None:
        self.settings = settings
        self.deadline = deadline
        self.data_dir = data_dir
        self.paths = paths
        self.fetched_files = 0
        self.fetched_bytes = 0

    def run(self) -> SyncResult:
        self.clean_leftovers()
        agent = f"clinic-kiosk/{__version__}"
        updater = Updater(
            str(self.paths.metadata),
            self.settings.metadata_url,
            str(self.paths.cache),
            self.settings.targets_url,
            config=UpdaterConfig(app_user_agent=agent),
            bootstrap=self.settings.trusted_root_bytes(),
            fetcher=fetcher.DeadlineFetcher(self.deadline, app_user_agent=agent),
        )
        updater.refresh()
        index_info = self.target_info(updater, INDEX_PATH, MAX_INDEX_BYTES)
        index_data = self.fetch(updater, index_info).read_bytes()
        current = self.current_content()
        if current is not None and current.digest == _peek_digest(index_data):
            index = self.applied_index()
            if index is None or index.digest != current.digest:  # e.g. stored, then a power cut
                index = parse_index(index_data, signed_entries(signed_targets(updater)))
            self.keep_stored_as_verified(updater, index)
            self.prune(index, index_info)
            return SyncResult(Outcome.UP_TO_DATE, index.version, current.version)
        before = self.applied_index()
        kept = self.kept_bins(before)
        try:
            return self.update(updater, index_data, index_info, current, before, kept)
        except (UpdateRejected, RepositoryError) as error:
            if kept is None:
                raise
            # Refused with the kept listing standing in for the unchanged bins: perhaps the
            # listing is wrong (a damaged disk). Try once more believing only the bins.
            log.warning("update refused (%s); checking it again against every bin", error)
            self.clean_leftovers()
            return self.update(updater, index_data, index_info, current, before, None)

    def update(
        self,
        updater: Updater,
        index_data: bytes,
        index_info: TargetFile,
        current: ContentInfo | None,
        before: ContentIndex | None,
        kept: KeptBins | None,
    ) -> SyncResult:
        """Verify, fetch, load and apply the new version."""
        signed = signed_targets(updater, kept)
        index = parse_index(index_data, signed_entries(signed))
        total = sum(f.length for f in index.files.values())
        if total > MAX_VERSION_BYTES:
            raise UpdateRejected(f"version is {total:,} bytes; the limit is {MAX_VERSION_BYTES:,}")
        self.fetch_all(updater, index, signed, kept)
        log.debug("every file of version %s verified; staging it", index.version)
        staged = self.stage(index)
        bundle = self.load(
            staged,
            index,
            self.current_renders(),
            self.checked_images(before),
            self.known_cards(before, current, index),
        )
        log.debug("version %s loads; applying it", index.version)
        self.apply(bundle)
        self.keep(index, staged, updater)
        self.prune(index, index_info)
        return SyncResult(
            Outcome.UPDATED,
            index.version,
            current.version if current else None,
            compare(before, index),
            self.fetched_files,
            self.fetched_bytes,
        )

    def keep(self, index: ContentIndex, staged: Path, updater: Updater) -> None:
        """Make the stored version the last verified one, with its file listing (what the
        next update is compared with) cached under its own hash, and the version of each
        hash bin that signed it (a bin still at that version signs the same files)."""
        data = listing(index)
        sha = hashlib.sha256(data).hexdigest()
        write_file_atomically(self.paths.listing, data)
        pointer: dict[str, Any] = {"version": index.version, "listing_sha256": sha}
        pointer |= {"checked_by": __version__, "bins": bin_versions(updater)}
        keep_verified(self.paths, staged, index.digest, pointer)

    def fetch_all(
        self,
        updater: Updater,
        index: ContentIndex,
        signed: dict[str, TargetFile] | None = None,
        kept: KeptBins | None = None,
    ) -> None:
        """Every file of `index` verified in the cache, the missing ones fetched.

        With `kept`, a file the kept version had, unchanged, is taken as its cached copy
        without hashing it again: it was verified when fetched, and the loader's digest,
        which must be the signed index's, covers every byte of it (a copy damaged since is
        refused there, and the sync checks everything again without `kept`).
        """
        signed = signed if signed is not None else signed_targets(updater)
        cache = os.fspath(self.paths.cache)
        for entry in index.files.values():
            info = signed.get(entry.path)
            if info is None or info.hashes.get("sha256") != entry.sha256:
                raise UpdateRejected(f"{entry.path} is not signed as listed")
            old = kept.files.get(entry.path) if kept is not None else None
            if old == entry and os.path.isfile(os.path.join(cache, entry.sha256)):
                continue
            self.fetch(updater, info)

    def keep_stored_as_verified(self, updater: Updater, index: ContentIndex) -> None:
        """The store holds this version: make it the last verified copy if it is not yet.

        Only after a run stopped between storing and keeping (a power cut); its files are
        all still in the cache.
        """
        if read_verified_pointer(self.paths).get("digest") == index.digest:
            return
        self.fetch_all(updater, index)
        self.keep(index, self.stage(index), updater)
        log.info("version %s, already stored, is now the last verified copy", index.version)

    def current_content(self) -> ContentInfo | None:
        """What the store holds now (its own connection, closed again before any download)."""
        if not (self.data_dir / STORE_FILE).exists():
            return None
        with closing(ContentStore(self.data_dir / STORE_FILE)) as store:
            return store.info()

    def apply(self, bundle: ContentBundle) -> None:
        """Replace the store's content in one transaction, on a connection of this thread."""
        with closing(ContentStore(self.data_dir / STORE_FILE)) as store:
            store.replace(bundle, origin=f"signed update from {self.settings.host}")

    def target_info(self, updater: Updater, path: str, limit: int) -> TargetFile:
        """The signed facts about `path`, refused if it is missing or larger than allowed.

        For files the index lists, `limit` is the index's length, itself within the loader's
        limits; so a file can be neither larger than the index says nor than a kiosk accepts.
        """
        info = updater.get_targetinfo(path)
        if info is None:
            raise UpdateRejected(f"{path} is not a signed target of this version")
        if "sha256" not in info.hashes:
            raise UpdateRejected(f"{path} has no sha256 hash in targets.json")
        if info.length > limit:
            raise UpdateRejected(
                f"oversize: {path} is signed as {info.length:,} bytes, over {limit:,}"
            )
        return info

    def fetch(self, updater: Updater, info: TargetFile) -> Path:
        """The verified file for `info`: from the cache when its hash is there, else fetched."""
        cached = self.paths.cache / info.hashes["sha256"]
        if updater.find_cached_target(info, str(cached)):
            return cached
        partial = cached.with_name(f".{cached.name}.partial")
        updater.download_target(info, str(partial))  # verifies length and hash first
        os.replace(partial, cached)
        self.fetched_files += 1
        self.fetched_bytes += info.length
        return cached

    def stage(self, index: ContentIndex) -> Path:
        """Lay the version out as a content folder (hard links into the cache, or copies)."""
        folder = self.paths.staging / index.digest
        top, cache = os.fspath(folder), os.fspath(self.paths.cache)
        made: set[str] = set()
        for entry in index.files.values():  # thousands: plain strings, each folder made once
            target = os.path.join(top, entry.path)
            parent = os.path.dirname(target)
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            source = os.path.join(cache, entry.sha256)
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)
        return folder

    def current_renders(self) -> dict[str, RenderedBody]:
        """The store's rendered card bodies: only the cards this version changes get rendered."""
        if not (self.data_dir / STORE_FILE).exists():
            return {}
        try:
            with closing(ContentStore(self.data_dir / STORE_FILE)) as store:
                return store.rendered_bodies()
        except sqlite3.Error as error:  # only a shortcut: without it every card is rendered
            log.warning("cannot reuse rendered cards: %s", error)
            return {}

    def checked_images(self, applied: ContentIndex | None) -> set[str]:
        """The pictures of the version applied last, which this kiosk's loader (this same
        version of it) checked before storing them: not parsed again."""
        if applied is None or read_verified_pointer(self.paths).get("checked_by") != __version__:
            return set()
        return {f.sha256 for f in applied.files.values()}  # the loader asks only of pictures

    def known_cards(
        self, applied: ContentIndex | None, current: ContentInfo | None, new: ContentIndex
    ) -> dict[str, tuple[str, Card]]:
        """The stored cards of the version applied last, by file and that file's hash, when
        the store holds that very version as this kiosk's loader (this same version of it)
        made it: the loader reuses each whose file this update leaves as it was. Not when
        the glossary changes: a stored card's body links the old glossary's words."""
        if applied is None or current is None or current.digest != applied.digest:
            return {}
        if applied.files.get(GLOSSARY_PATH) != new.files.get(GLOSSARY_PATH):
            return {}
        if read_verified_pointer(self.paths).get("checked_by") != __version__:
            return {}
        try:
            with closing(ContentStore(self.data_dir / STORE_FILE)) as store:
                cards = store.stored_cards()
        except sqlite3.Error as error:  # only a shortcut: without it every card is parsed
            log.warning("cannot reuse stored cards: %s", error)
            return {}
        known = {}
        for (card_id, lang), card in cards.items():
            entry = applied.files.get(f"cards/{card_id}.{lang}.md")
            if entry is not None:
                known[entry.path] = (entry.sha256, card)
        return known

    def load(
        self,
        staged: Path,
        index: ContentIndex,
        rendered: dict[str, RenderedBody],
        checked_images: set[str] | None = None,
        known_cards: dict[str, tuple[str, Card]] | None = None,
    ) -> ContentBundle:
        try:
            bundle = load_content(staged, rendered, checked_images or (), known_cards)
        except ContentError as error:
            first = error.problems[0] if error.problems else "unknown problem"
            more = len(error.problems) - 1
            suffix = f" (and {more} more)" if more > 0 else ""
            raise UpdateRejected(f"the published content is not valid: {first}{suffix}") from None
        if bundle.digest != index.digest:
            raise UpdateRejected("the published files do not match their index (digest differs)")
        return bundle

    def kept_bins(self, applied: ContentIndex | None) -> KeptBins | None:
        """What the bins signed when `applied` was kept: their versions and its files."""
        versions = read_verified_pointer(self.paths).get("bins")
        if applied is None or not isinstance(versions, dict):
            return None
        return KeptBins(versions, applied.files)

    def applied_index(self) -> ContentIndex | None:
        """The index of the version applied last, to say what an update changes."""
        sha = read_verified_pointer(self.paths).get("listing_sha256")
        try:
            data = self.paths.listing.read_bytes()
            if hashlib.sha256(data).hexdigest() != sha:
                return None
            return parse_listing(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def clean_leftovers(self) -> None:
        """Whatever an interrupted run left half-done: staging folders, partial downloads."""
        self.paths.make()
        for leftover in self.paths.staging.iterdir():
            shutil.rmtree(leftover, ignore_errors=True)
        for partial in self.paths.cache.glob(".*.partial"):
            partial.unlink(missing_ok=True)

    def prune(self, index: ContentIndex, index_info: TargetFile) -> None:
        """Drop cached files no longer in the current version, so the cache cannot grow."""
        keep = {f.sha256 for f in index.files.values()} | {index_info.hashes["sha256"]}
        for cached in self.paths.cache.iterdir():
            if cached.name not in keep and not cached.name.startswith("."):
                cached.unlink(missing_ok=True)


def _peek_digest(index_data: bytes) -> str | None:
    """The loader digest a (signed) index.json names, or None if it names none."""
    try:
        digest = json.loads(index_data).get("digest")
    except (ValueError, AttributeError):
        return None
    return digest if isinstance(digest, str) else None


@dataclass(frozen=True)
class KeptBins:
    """The bins' versions when a version was kept, and that version's files."""

    versions: Mapping[str, Any]  # bin name -> the version snapshot.json named then
    files: Mapping[str, IndexedFile]


def bin_versions(updater: Updater) -> dict[str, int]:
    """Each role's version as the refreshed (verified) snapshot.json names it."""
    snapshot = updater._trusted_set.snapshot  # pinned python-tuf, as `_load_targets` below
    return {name.removesuffix(".json"): meta.version for name, meta in snapshot.meta.items()}


def signed_targets(updater: Updater, kept: KeptBins | None = None) -> dict[str, TargetFile]:
    """Every file the refreshed repository signs, from targets.json and each of its bins.

    ngclient verifies each role as it loads it (signatures by the keys its delegator names,
    the version snapshot.json names, expiry); a bin whose version did not change is read
    from this kiosk's verified copy, so an update fetches only the bins that changed. It has
    no public call that lists a role's files, so this walks its verified roles itself (pin
    python-tuf: `_load_targets` is ngclient's own loader). A bin is believed only for the
    paths delegated to it, as ngclient's own lookup would.

    With `kept`, a bin that the verified snapshot.json names at the very version it had
    when the kiosk kept its last version signs what it signed then: its files come from the
    kept listing, without loading and verifying it again (a one-card update loads one bin,
    not every one). What the loader then reads must still give the digest that the signed
    index.json names, so a listing that lied would be refused, not believed.
    """
    top: Targets = updater._load_targets(Targets.type, "root")
    files = dict(top.targets)
    delegations = top.delegations
    if delegations is None:
        return files
    if delegations.succinct_roles is None:
        raise UpdateRejected("targets.json delegates to named roles, not hash bins")
    bins = delegations.succinct_roles
    now = bin_versions(updater) if kept is not None else {}
    unchanged: dict[str, list[IndexedFile]] = {}
    if kept is not None:
        same = {name for name, version in now.items() if kept.versions.get(name) == version}
        for entry in kept.files.values():
            name = bins.get_role_for_target(entry.path)
            if name in same:
                unchanged.setdefault(name, []).append(entry)
        unchanged |= {name: unchanged.get(name, []) for name in same}
    for name in bins.get_roles():
        if name in unchanged:
            for entry in unchanged[name]:
                if entry.path in files:
                    raise UpdateRejected(f"{entry.path} is signed twice")
                files[entry.path] = TargetFile(entry.length, {"sha256": entry.sha256}, entry.path)
            continue
        role: Targets = updater._load_targets(name, Targets.type)
        for path, info in role.targets.items():
            if bins.get_role_for_target(path) != name:
                raise UpdateRejected(f"{name} signs {path}, which is not delegated to it")
            if path in files:
                raise UpdateRejected(f"{path} is signed twice")
            files[path] = info
    return files
