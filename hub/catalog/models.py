"""The newest published content as the hub last read it: its version and the cards' titles.

Read from the signed repository the kiosks update from (hub/catalog/published.py) by
`clinic-hub fleet-check` or `content-check`, never while a page is shown. Titles stay once
read, so a card dropped from a later version still has its name in old requests.
"""

from __future__ import annotations

from django.db import models


class PublishedContent(models.Model):
    """One row (id 1): the newest version read, and how the last try went."""

    version = models.CharField(max_length=80, blank=True)
    digest = models.CharField(max_length=64, blank=True)
    cards = models.PositiveIntegerField(default=0)
    read_at = models.DateTimeField(null=True, blank=True, help_text="last successful read")
    checked_at = models.DateTimeField(null=True, blank=True, help_text="last try")
    error = models.CharField(max_length=300, blank=True, help_text="why the last try failed")

    def __str__(self) -> str:
        return f"published content {self.version or '(not read)'}"


class CardTitle(models.Model):
    card_id = models.CharField(max_length=100)
    lang = models.CharField(max_length=8)
    title = models.CharField(max_length=200)
    version = models.CharField(max_length=80, help_text="the newest version it was read from")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["card_id", "lang"], name="one_title")]

    def __str__(self) -> str:
        return f"{self.card_id}.{self.lang}: {self.title}"
