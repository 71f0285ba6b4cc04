"""The kiosk's content: cards and sections, how they are authored, checked, rendered and stored.

Nothing in this package imports Qt; the UI and the CLI both call into it.
"""
