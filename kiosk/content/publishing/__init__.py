"""Turning a checked content folder into signed TUF metadata and targets on a static host:
the published index, the signing keys and the publish step itself.
"""
