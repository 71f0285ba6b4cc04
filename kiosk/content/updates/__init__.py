"""The kiosk's update client: fetch and verify signed content (python-tuf) within a deadline,
apply it to the store, remember how the last sync went, and schedule the next one.
"""
