"""The published index: built from a bundle, read back, and refused when it points anywhere odd.

The index is signed, so a bad one means a bad publisher; the kiosk still refuses any path that
would land outside its staging folder, or a size it would never accept from the loader.
"""

from __future__ import annotations

import json

import pytest

from kiosk.assets import default_content_dir
from kiosk.content.index import BadIndex, build_index, bundle_files, compare, parse_index
from kiosk.content.source.loader import load_content

BUNDLE = load_content(default_content_dir())
FILES = {path: (default_content_dir() / path).read_bytes() for path in bundle_files(BUNDLE)}
INDEX = build_index(BUNDLE, FILES)


def altered(change) -> bytes:
    document = json.loads(INDEX)
    change(document)
    return json.dumps(document).encode()


def test_the_index_round_trips_and_is_the_same_for_the_same_content():
    index = parse_index(INDEX)
    assert index.digest == BUNDLE.digest and index.version == BUNDLE.version
    assert set(index.files) == set(FILES)
    assert build_index(load_content(default_content_dir()), FILES) == INDEX


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["assets"].update({"../../outside.svg": d["assets"]["icons/basics.svg"]}),
        lambda d: d["assets"].update({"/etc/kiosk.svg": d["assets"]["icons/basics.svg"]}),
        lambda d: d["assets"].update({"cards/evil.md": d["assets"]["icons/basics.svg"]}),
        lambda d: d["cards"].update({"../up": d["cards"]["cytokines"]}),
        lambda d: d["cards"]["cytokines"].update({"fr": d["cards"]["cytokines"]["en"]}),
        lambda d: d["cards"]["cytokines"]["en"].update({"length": 10**9}),
        lambda d: d["cards"]["cytokines"]["en"].update({"sha256": "not a hash"}),
        lambda d: d.update({"format": 2}),
        lambda d: d.pop("sections"),
    ],
    ids=[
        "climbs",
        "absolute",
        "not-an-image",
        "card-id",
        "language",
        "size",
        "hash",
        "format",
        "sections",
    ],
)
def test_an_index_pointing_anywhere_odd_is_refused(change):
    with pytest.raises(BadIndex):
        parse_index(altered(change))


def test_compare_names_cards_by_id_and_language():
    before = parse_index(INDEX)
    after = parse_index(
        altered(lambda d: d["cards"]["cytokines"]["en"].update({"sha256": "0" * 64}))
    )
    changes = compare(before, after)
    assert changes.changed == ("cytokines.en",) and not changes.added and not changes.removed
    assert changes.describe() == "changed: cytokines.en"
    assert compare(None, before).first
