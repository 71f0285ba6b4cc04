"""The kiosk's local content store: its SQLite schema, reads for the screens, and first start
(filled from the embedded content, rebuilt when corrupt).
"""
