"""The kiosk's content, without Qt, cut along its flows.

- `model`, `problems`: the shared vocabulary (cards, sections, languages, what is wrong).
- `index`: the published index, the contract between publishing and updates.
- `source/`: reading and checking a content folder, rendering Markdown safely.
- `authoring/`: tools only authors run (reading grade, review).
- `publishing/`: signing and publishing a version to a static host.
- `storage/`: the kiosk's SQLite store.
- `updates/`: filling the store at first start, and the kiosk's signed update client.
"""
