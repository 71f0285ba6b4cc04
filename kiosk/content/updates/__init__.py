"""How content reaches the kiosk's store and stays there: the first fill from the embedded
content and the rebuild of a corrupt store (first_start), and the signed update client:
fetch and verify (python-tuf) within a deadline, apply to the store, remember how the last
sync went, and schedule the next one.
"""
