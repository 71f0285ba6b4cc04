"""The published index and the signed file list it is read with: built from a bundle, read
back, and refused when either points anywhere odd.

Both are signed, so a bad one means a bad publisher; the kiosk still refuses any path that
would land outside its staging folder, or a size it would never accept from the loader.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from kiosk.assets import default_content_dir
from kiosk.content.index import (
    BadIndex,
    build_index,
    bundle_files,
    compare,
    listing,
    parse_index,
    parse_listing,
)
from kiosk.content.source.loader import load_content

BUNDLE = load_content(default_content_dir())
FILES = {path: (default_content_dir() / path).read_bytes() for path in bundle_files(BUNDLE)}
INDEX = build_index(BUNDLE)
SIGNED = {
    path: {"length": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    for path, data in FILES.items()
}


def altered(change) -> bytes:
    document = json.loads(INDEX)
    change(document)
    return json.dumps(document).encode()


def signed_with(change) -> dict:
    signed = json.loads(json.dumps(SIGNED))
    change(signed)
    return signed


def test_the_index_round_trips_and_is_the_same_for_the_same_content():
    index = parse_index(INDEX, SIGNED)
    assert index.digest == BUNDLE.digest and index.version == BUNDLE.version
    assert set(index.files) == set(FILES)
    assert build_index(load_content(default_content_dir())) == INDEX
    assert parse_listing(listing(index)) == index


def test_the_index_stays_small_whatever_the_catalogue():
    assert len(INDEX) < 400 and b"sha256" not in INDEX  # the bins sign the files, not it


ICON = "icons/basics.svg"
CARD = "cards/cytokines.en.md"


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update({"../../outside.svg": d[ICON]}),
        lambda d: d.update({"/etc/kiosk.svg": d[ICON]}),
        lambda d: d.update({"cards/evil.md.txt": d[ICON]}),
        lambda d: d.update({"cards/../up.en.md": d[CARD]}),
        lambda d: d.update({"cards/cytokines.fr.md": d[CARD]}),
        lambda d: d[CARD].update({"length": 10**9}),
        lambda d: d[CARD].update({"sha256": "not a hash"}),
        lambda d: d.pop("content.toml"),
    ],
    ids=["climbs", "absolute", "not-an-image", "card-id", "language", "size", "hash", "sections"],
)
def test_a_signed_file_list_pointing_anywhere_odd_is_refused(change):
    with pytest.raises(BadIndex):
        parse_index(INDEX, signed_with(change))


@pytest.mark.parametrize(
    "change",
    [lambda d: d.update({"format": 1}), lambda d: d.pop("sections"), lambda d: d.pop("digest")],
    ids=["format", "sections", "digest"],
)
def test_an_odd_index_is_refused(change):
    with pytest.raises(BadIndex):
        parse_index(altered(change), SIGNED)


def test_compare_names_cards_by_id_and_language():
    before = parse_index(INDEX, SIGNED)
    after = parse_index(INDEX, signed_with(lambda d: d[CARD].update({"sha256": "0" * 64})))
    changes = compare(before, after)
    assert changes.changed == ("cytokines.en",) and not changes.added and not changes.removed
    assert changes.describe() == "changed: cytokines.en"
    assert compare(None, before).first
