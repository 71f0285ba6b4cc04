"""Publishing content as a TUF repository that any plain static web host can serve.

    REPO/metadata/  N.root.json, N.targets.json, N.bins-XX.json, N.snapshot.json:
                    consistent snapshots, never overwritten; timestamp.json: the one file
                    that changes, written last
    REPO/targets/   <sha256>.index.json, <sha256>.content.toml, <sha256>.glossary.toml,
                    cards/<sha256>.<id>.<lang>.md,
                    cards/images/<sha256>.<name>, icons/<sha256>.<name>

Every file is named by its hash or its version, so a kiosk part-way through reading the old
version never sees a file change under it, a cache can keep files forever, and publishing
the same content again adds no target files. Nothing is ever deleted.

targets.json signs index.json alone and delegates every other file to hash bins (TUF's
succinct hash-bin delegation: the bin of a path is the first bits of the SHA-256 of the
path). A bin whose files did not change keeps its version and file, so a one-card edit
signs one small bin anew and a kiosk fetches that bin, not a list of the whole catalogue.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import math
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from securesystemslib.signer import Signer
from tuf.api.metadata import (
    Delegations,
    Metadata,
    MetaFile,
    Root,
    Snapshot,
    SuccinctRoles,
    TargetFile,
    Targets,
    Timestamp,
)

from kiosk.content.index import INDEX_PATH, build_index, bundle_files
from kiosk.content.model import ContentBundle
from kiosk.content.publishing.signing_keys import copy_new_roots, latest_root, load_signer
from kiosk.content.source.folder import FileRefused, read_regular
from kiosk.content.source.loader import (
    MAX_CARD_BYTES,
    MAX_IMAGE_BYTES,
    ContentError,
    Problem,
    load_content,
)
from kiosk.content.source.render import RenderedBody
from kiosk.files import held_lock, write_file_atomically

METADATA_DIR, TARGETS_DIR = "metadata", "targets"
TARGETS_DAYS = 90  # how long published content stays valid without a new publish
TIMESTAMP_DAYS = 7  # how long a kiosk trusts that nothing newer exists; see refresh_timestamp
T = TypeVar("T")
_VERSIONED = re.compile(r"^(\d+)\.(targets|snapshot)\.json$")
BINS_PREFIX = "bins"
# Bins per target file: each bin costs a kiosk ~26 bytes of snapshot.json on every update,
# each file ~140 bytes of its bin's metadata; about sqrt(5.5 x files) bins fetches least.
_BIN_WEIGHT = 5.5


@dataclass(frozen=True)
class PublishResult:
    content_version: str
    targets_version: int
    timestamp_version: int
    files: int  # target files in this version, index.json included
    new_files: int  # of those, how many were not in the repository yet
    new_bytes: int
    bundle: ContentBundle  # what was published, as the loader read it


def publish(
    source: Path,
    repo: Path,
    keys: Path,
    *,
    expires_days: int = TARGETS_DAYS,
    now: datetime.datetime | None = None,
    progress: bool = False,
) -> PublishResult:
    """Validate `source` and write it into `repo` as a new version, signed with `keys`.

    Raises ContentError (nothing written) if the content is not valid, and KeyProblem if
    a key is missing or is not the one the root names.
    """
    now = now or datetime.datetime.now(datetime.UTC)
    files, bundle = _frozen_copy(source, progress)
    files[INDEX_PATH] = build_index(bundle)
    meta_dir, targets_dir = repo / METADATA_DIR, repo / TARGETS_DIR
    with _locked(repo):
        copy_new_roots(keys, meta_dir)  # a rotated root reaches kiosks with the next version
        root = _newest_root(meta_dir)
        signer = load_signer(keys, "targets", root)
        snapshot_signer = load_signer(keys, "snapshot", root)
        timestamp_signer = load_signer(keys, "timestamp", root)
        new_files, new_bytes = _write_targets(targets_dir, files, progress)
        version = _latest_version(meta_dir, "targets") + 1
        expires = now + datetime.timedelta(days=expires_days)
        previous = _previous_snapshot(meta_dir)
        meta = dict(previous.meta) if previous else {}  # a role never leaves the snapshot
        succinct = _bins_for(files, meta, signer.public_key.keyid)
        meta |= _write_bins(meta_dir, files, succinct, meta, signer, now, expires, expires_days)
        index = files[INDEX_PATH]
        targets = Targets(
            version=version,
            expires=expires,
            targets={INDEX_PATH: TargetFile.from_data(INDEX_PATH, index, ["sha256"])},
            delegations=Delegations(
                keys={signer.public_key.keyid: signer.public_key}, succinct_roles=succinct
            ),
        )
        data = _sign_and_write(meta_dir / f"{version}.targets.json", Metadata(targets), signer)
        meta["targets.json"] = MetaFile.from_data(version, data, ["sha256"])
        fresh_days = min(expires_days, TIMESTAMP_DAYS)
        timestamp_version = _write_snapshot_and_timestamp(
            meta_dir,
            meta,
            snapshot_signer,
            timestamp_signer,
            now + datetime.timedelta(days=fresh_days),
        )
    return PublishResult(
        bundle.version,
        version,
        timestamp_version,
        len(files),
        new_files,
        new_bytes,
        bundle,
    )


def refresh_timestamp(
    repo: Path,
    keys: Path,
    *,
    expires_days: int = TIMESTAMP_DAYS,
    now: datetime.datetime | None = None,
) -> int:
    """Re-sign snapshot and timestamp with a new expiry; return the new timestamp version.

    Kiosks reject a timestamp once it expires (so an attacker cannot freeze them on old
    content); a daily job running this keeps a quiet repository fresh. It needs only the
    snapshot and timestamp keys, and leaves the content and its signatures as they are.
    """
    now = now or datetime.datetime.now(datetime.UTC)
    meta_dir = repo / METADATA_DIR
    with _locked(repo):
        root = _newest_root(meta_dir)
        snapshot_signer = load_signer(keys, "snapshot", root)
        timestamp_signer = load_signer(keys, "timestamp", root)
        current = _latest_version(meta_dir, "snapshot")
        if not current:
            raise FileNotFoundError(f"nothing published in {repo} yet: run publish first")
        snapshot = Metadata[Snapshot].from_file(str(meta_dir / f"{current}.snapshot.json"))
        return _write_snapshot_and_timestamp(
            meta_dir,
            dict(snapshot.signed.meta),
            snapshot_signer,
            timestamp_signer,
            now + datetime.timedelta(days=expires_days),
        )


def hashed_name(path: str, sha256: str) -> str:
    """Where a target lives in a consistent-snapshot repository (as python-tuf fetches it)."""
    folder, slash, name = path.rpartition("/")
    return f"{folder}{slash}{sha256}.{name}"


# -- steps ------------------------------------------------------------------------------------


def _frozen_copy(source: Path, progress: bool) -> tuple[dict[str, bytes], ContentBundle]:
    """Validate `source`, copy the files it was loaded from aside, and validate the copy, so
    what is published is what was checked.

    The first load refuses exactly what `kiosk content validate` refuses (links, special
    files, oversized or hostile files among them) before anything is copied or signed. The
    copy takes only those files, each re-read as a regular file inside the folder (never
    through a link), and must load to the same digest: a folder that changed in between is
    refused rather than published half old, half new.
    """
    if not source.is_dir():
        raise ContentError([Problem(str(source), "content folder not found")])
    if progress:
        print("validating...", file=sys.stderr, flush=True)
    checked = load_content(source)
    with tempfile.TemporaryDirectory(prefix="kiosk-publish-") as temporary:
        frozen = Path(temporary) / "content"
        for name in _bar(bundle_files(checked), "copying", progress):
            try:
                data = read_regular(source, name, max(MAX_CARD_BYTES, MAX_IMAGE_BYTES))
            except FileRefused as error:
                raise ContentError([Problem(name, str(error))]) from None
            copy = frozen / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(data)
        renders = {c.body_markdown: RenderedBody(c.body_html, c.body_text) for c in checked.cards}
        bundle = load_content(frozen, renders)
        if bundle.digest != checked.digest:
            message = "changed while it was being published: publish again"
            raise ContentError([Problem(str(source), message)])
        files = {path: (frozen / path).read_bytes() for path in bundle_files(bundle)}
    return files, bundle


def _bar(items: Iterable[T], description: str, progress: bool) -> Iterable[T]:
    """A tqdm progress bar on stderr when asked for and stderr is a terminal."""
    from tqdm import tqdm  # an authoring tool: only publishing needs it

    return tqdm(items, desc=description, unit="file", disable=None if progress else True)


def _write_targets(folder: Path, files: Mapping[str, bytes], progress: bool) -> tuple[int, int]:
    """Write each file under its hashed name unless an intact copy is there already."""
    new_files = new_bytes = 0
    for leftover in folder.rglob(".*.partial"):  # from a publish that was interrupted
        leftover.unlink()
    for path, data in _bar(files.items(), "target files", progress):
        digest = hashlib.sha256(data).hexdigest()
        target = folder / hashed_name(path, digest)
        if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == digest:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        partial.write_bytes(data)
        os.replace(partial, target)
        new_files, new_bytes = new_files + 1, new_bytes + len(data)
    if new_files:
        os.sync()  # every target on disk before any metadata names it
    return new_files, new_bytes


def _previous_snapshot(meta_dir: Path) -> Snapshot | None:
    current = _latest_version(meta_dir, "snapshot")
    if not current:
        return None
    return Metadata[Snapshot].from_file(str(meta_dir / f"{current}.snapshot.json")).signed


def _bins_for(
    files: Mapping[str, bytes], meta: Mapping[str, MetaFile], keyid: str
) -> SuccinctRoles:
    """The hash bins for `files`: about sqrt(5.5 x files) of them, a power of two, and never
    fewer than a repository had before (a bin, once in the snapshot, stays there)."""
    wanted = max(2, math.isqrt(int(_BIN_WEIGHT * len(files))))
    bits = max(1, (wanted - 1).bit_length())
    named = [name for name in meta if name.startswith(f"{BINS_PREFIX}-")]
    if named:
        widest = max(
            int(name.removeprefix(f"{BINS_PREFIX}-").removesuffix(".json"), 16) for name in named
        )
        bits = max(bits, widest.bit_length())
    return SuccinctRoles([keyid], 1, bits, BINS_PREFIX)


def _write_bins(
    meta_dir: Path,
    files: Mapping[str, bytes],
    succinct: SuccinctRoles,
    meta: Mapping[str, MetaFile],
    signer: Signer,
    now: datetime.datetime,
    expires: datetime.datetime,
    expires_days: int,
) -> dict[str, MetaFile]:
    """Sign each bin whose files changed (or whose signature would soon expire) as a new
    version; the others keep the file and version they had. Returns the bins' snapshot entries."""
    contents: dict[str, dict[str, TargetFile]] = {name: {} for name in succinct.get_roles()}
    for path, data in files.items():
        if path != INDEX_PATH:
            contents[succinct.get_role_for_target(path)][path] = TargetFile.from_data(
                path, data, ["sha256"]
            )
    keep_until = now + datetime.timedelta(days=expires_days / 2)
    entries = {}
    for name, targets in contents.items():
        old = meta.get(f"{name}.json")
        if old is not None:
            previous = Metadata[Targets].from_file(str(meta_dir / f"{old.version}.{name}.json"))
            if (
                previous.signed.targets == targets
                and previous.signed.expires >= keep_until
                and signer.public_key.keyid in previous.signatures  # not signed before a rotation
            ):
                entries[f"{name}.json"] = old
                continue
        version = old.version + 1 if old else 1
        signed = Targets(version=version, expires=expires, targets=targets)
        _sign_and_write(meta_dir / f"{version}.{name}.json", Metadata(signed), signer)
        entries[f"{name}.json"] = MetaFile(version)
    return entries


def _write_snapshot_and_timestamp(
    meta_dir: Path,
    roles_meta: Mapping[str, MetaFile],
    snapshot_signer: Signer,
    timestamp_signer: Signer,
    expires: datetime.datetime,
) -> int:
    version = _latest_version(meta_dir, "snapshot") + 1
    snapshot = Snapshot(version=version, expires=expires, meta=dict(roles_meta))
    data = _sign_and_write(
        meta_dir / f"{version}.snapshot.json", Metadata(snapshot), snapshot_signer
    )
    timestamp_file = meta_dir / "timestamp.json"
    previous = (
        Metadata[Timestamp].from_file(str(timestamp_file)) if timestamp_file.exists() else None
    )
    timestamp = Timestamp(
        version=previous.signed.version + 1 if previous else 1,
        expires=expires,
        snapshot_meta=MetaFile.from_data(version, data, ["sha256"]),
    )
    _sign_and_write(timestamp_file, Metadata(timestamp), timestamp_signer)  # last: goes live
    return timestamp.version


def _sign_and_write(path: Path, metadata: Metadata, signer: Signer) -> bytes:
    metadata.sign(signer)
    data = metadata.to_bytes()
    write_file_atomically(path, data)
    return data


def _newest_root(meta_dir: Path) -> Root:
    _, data = latest_root(meta_dir)
    return Metadata[Root].from_bytes(data).signed


def _latest_version(meta_dir: Path, role: str) -> int:
    if not meta_dir.is_dir():
        return 0
    names = (_VERSIONED.match(p.name) for p in meta_dir.iterdir())
    return max((int(m[1]) for m in names if m and m[2] == role), default=0)


@contextlib.contextmanager
def _locked(repo: Path) -> Iterator[None]:
    """One publisher at a time per repository (the lock file is not part of the upload)."""
    with held_lock(repo / ".publish.lock", wait=True):
        yield
