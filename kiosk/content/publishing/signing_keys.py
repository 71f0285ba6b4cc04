"""The publisher's signing keys and root metadata: made once, rotated rarely.

A keys folder holds one ed25519 private key per TUF role (`root.pem`, `targets.pem`,
`snapshot.pem`, `timestamp.pem`, PKCS#8, mode 0600) and every version of the signed root
metadata (`1.root.json`, `2.root.json`, ...), with `root.json` a copy of the newest: the
file kiosks are provisioned with. The root names each role's public key, so a private key
file alone is enough to sign for its role; a scheduled job that only refreshes the
timestamp needs `snapshot.pem` and `timestamp.pem` and nothing else.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

from cryptography.hazmat.primitives.serialization import load_pem_private_key
from securesystemslib.signer import CryptoSigner, SSlibKey
from tuf.api.exceptions import UnsignedMetadataError
from tuf.api.metadata import Metadata, Root

from kiosk.files import write_file_atomically

ROLES = ("root", "targets", "snapshot", "timestamp")
ROOT_DAYS = 365
TRUSTED_ROOT = "root.json"
_ROOT_FILE = re.compile(r"^(\d+)\.root\.json$")


class KeyProblem(Exception):
    """A key or root file is missing, unreadable or does not match: the message says which."""


def create_keys(keys_dir: Path, now: datetime.datetime | None = None) -> Path:
    """Make a key per role and the first root metadata; return the trusted root's path.

    Refuses to touch a folder that already holds keys: overwriting a key would cut off
    every kiosk that trusts it.
    """
    keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    existing = [role for role in ROLES if _key_file(keys_dir, role).exists()]
    if existing or latest_root_version(keys_dir):
        raise KeyProblem(f"{keys_dir} already holds keys; refusing to replace them")
    signers = {role: CryptoSigner.generate_ed25519() for role in ROLES}
    root = Root(expires=_expiry(now, ROOT_DAYS), consistent_snapshot=True)
    for role, signer in signers.items():
        root.add_key(signer.public_key, role)
    metadata = Metadata(root)
    metadata.sign(signers["root"])
    for role, signer in signers.items():
        _write_private(_key_file(keys_dir, role), signer.private_bytes)
    return _save_root(keys_dir, metadata)


def rotate_key(keys_dir: Path, role: str, now: datetime.datetime | None = None) -> int:
    """Replace `role`'s key with a new one in a new root version; return that version.

    The new root is signed by the current root key (and, when rotating root, by the new
    one too), so kiosks that trust the old root accept it. The old private key moves to
    `retired/`. Every publish signs with the current keys, so publish after rotating.
    """
    if role not in ROLES:
        raise KeyProblem(f"unknown role {role!r} (roles: {', '.join(ROLES)})")
    version, data = latest_root(keys_dir)
    current = Metadata[Root].from_bytes(data)
    old_root_signer = load_signer(keys_dir, "root", current.signed)
    old_signer = old_root_signer if role == "root" else load_signer(keys_dir, role, current.signed)
    new_signer = CryptoSigner.generate_ed25519()
    root = current.signed
    root.revoke_key(old_signer.public_key.keyid, role)
    root.add_key(new_signer.public_key, role)
    root.version = version + 1
    root.expires = _expiry(now, ROOT_DAYS)
    metadata = Metadata(root)
    metadata.sign(old_root_signer)
    if role == "root":
        metadata.sign(new_signer, append=True)
    retired = keys_dir / "retired"
    retired.mkdir(exist_ok=True, mode=0o700)
    os.replace(_key_file(keys_dir, role), retired / f"{role}.v{version}.pem")
    _write_private(_key_file(keys_dir, role), new_signer.private_bytes)
    _save_root(keys_dir, metadata)
    return root.version


def load_signer(keys_dir: Path, role: str, root: Root) -> CryptoSigner:
    """The signer for `role` from its key file, checked against the keys `root` names."""
    path = _key_file(keys_dir, role)
    try:
        private_key = load_pem_private_key(path.read_bytes(), None)
    except FileNotFoundError:
        raise KeyProblem(f"{path} not found: the {role} key is needed here") from None
    except (OSError, ValueError, TypeError) as error:
        raise KeyProblem(f"{path} cannot be read as a private key ({error})") from None
    public = SSlibKey.from_crypto(private_key.public_key()).keyval
    for keyid in root.roles[role].keyids:
        key = root.keys[keyid]
        if isinstance(key, SSlibKey) and key.keyval == public:
            return CryptoSigner(private_key, key)
    raise KeyProblem(f"{path} is not a {role} key of root version {root.version}")


def copy_new_roots(keys_dir: Path, meta_dir: Path) -> None:
    """Put the keys folder's root versions the repository lacks into it, checking the chain.

    Each new version must be signed by the previous one's root keys and by its own, as
    kiosks will check; a keys folder of another repository is refused before anything
    is written.
    """
    for path in root_files(keys_dir):
        published = meta_dir / path.name
        if published.exists():
            if published.read_bytes() != path.read_bytes():
                raise KeyProblem(f"{path} differs from {published}: keys of another repository?")
            continue
        new = Metadata[Root].from_bytes(path.read_bytes())
        previous_file = meta_dir / f"{new.signed.version - 1}.root.json"
        signers = [new.signed]
        if new.signed.version > 1:
            if not previous_file.exists():
                raise KeyProblem(f"{previous_file} is missing: root versions must follow in order")
            signers.insert(0, Metadata[Root].from_bytes(previous_file.read_bytes()).signed)
        for trusted in signers:
            try:
                trusted.verify_delegate("root", new.signed_bytes, new.signatures)
            except UnsignedMetadataError:
                raise KeyProblem(f"{path} is not signed by the keys kiosks trust") from None
        write_file_atomically(published, path.read_bytes())


def latest_root(folder: Path) -> tuple[int, bytes]:
    """The newest `N.root.json` in `folder`, as (N, bytes)."""
    version = latest_root_version(folder)
    if not version:
        raise KeyProblem(f"no root metadata (1.root.json) in {folder}")
    return version, (folder / f"{version}.root.json").read_bytes()


def latest_root_version(folder: Path) -> int:
    """The highest N of the `N.root.json` files in `folder`, 0 if there are none."""
    if not folder.is_dir():
        return 0
    found = [int(m[1]) for p in folder.iterdir() if (m := _ROOT_FILE.match(p.name))]
    return max(found, default=0)


def root_files(folder: Path) -> list[Path]:
    """Every `N.root.json` in `folder`, oldest first."""
    found = [(int(m[1]), p) for p in folder.iterdir() if (m := _ROOT_FILE.match(p.name))]
    return [path for _, path in sorted(found)]


def _save_root(keys_dir: Path, metadata: Metadata[Root]) -> Path:
    data = metadata.to_bytes()
    (keys_dir / f"{metadata.signed.version}.root.json").write_bytes(data)
    trusted = keys_dir / TRUSTED_ROOT
    trusted.write_bytes(data)
    return trusted


def _key_file(keys_dir: Path, role: str) -> Path:
    return keys_dir / f"{role}.pem"


def _write_private(path: Path, data: bytes) -> None:
    """Create `path` readable by its owner only, from the first byte on."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.chmod(path, 0o600)  # whatever the umask said


def _expiry(now: datetime.datetime | None, days: float) -> datetime.datetime:
    start = now or datetime.datetime.now(datetime.UTC)
    return (start + datetime.timedelta(days=days)).astimezone(datetime.UTC)
