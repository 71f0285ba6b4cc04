"""A throwaway PostgreSQL cluster for one test session, from the system's server binaries.

Debian's `postgresql` package puts them in /usr/lib/postgresql/<version>/bin. PostgreSQL
refuses to run as root, so under root (CI) the cluster belongs to the `postgres` OS user;
otherwise to whoever runs the tests. It listens on a unix socket only, in its own folder.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

MISSING = (
    "HUB_TEST_DATABASE=postgres needs the PostgreSQL server binaries (initdb, pg_ctl): "
    "install the Debian package `postgresql` (apt-get install postgresql)."
)


def server_bin_dir() -> Path:
    """The newest /usr/lib/postgresql/*/bin with initdb, or the one on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise RuntimeError(MISSING)


def _version(path: str) -> float:
    try:
        return float(Path(path).parts[-3])
    except ValueError:
        return 0.0


class Cluster:
    def __init__(self) -> None:
        self.bin = server_bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="hub-pg-"))
        self.data = self.root / "data"
        self.user = "hubtest"
        self._as: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL will not run as root
            owner = pwd.getpwnam("postgres")
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]

    def run(self, *args: str) -> None:
        result = subprocess.run(
            [*self._as, *args], capture_output=True, text=True, timeout=60, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"{Path(args[0]).name} failed: {result.stderr.strip()[-800:]}")

    def start(self) -> dict[str, str]:
        """initdb, then pg_ctl start; returns the Django DATABASES entry's fields."""
        self.run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            self.user,
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        )
        options = f"-k {self.root} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        self.run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "start",
        )
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": "postgres",
            "USER": self.user,
            "HOST": str(self.root),
            "PORT": "5432",
            "OPTIONS": {},  # not the SQLite ones the settings gave the default database
        }

    def stop(self) -> None:
        try:
            self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
