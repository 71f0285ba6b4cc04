"""A content folder as authors write it: reading it (front matter, fields, files), checking its
images and SVGs, and rendering Markdown to safe HTML. Every content flow starts here: the
kiosk's first start, validation, publishing and updates.
"""
