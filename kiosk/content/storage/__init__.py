"""The kiosk's local content store: its SQLite schema, the atomic replace of a whole version,
and the reads the screens make (sections, cards, assets, search).
"""
