"""Talking to the outside, without Qt: the one rule for which addresses a kiosk may use, the
name lookup and HTTPS transport under one deadline, Standard Webhooks signing, and retry backoff.

Callbacks, the fleet heartbeat and content updates all go out through here.
"""
