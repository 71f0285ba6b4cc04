"""What patients read, as the kiosks count it: one number per kiosk, day and thing counted.

A kiosk sends the running totals of its last days with every heartbeat (kiosk/staff/
counts.py); the hub keeps the latest it got for each kiosk and day, so a repeated or
retried heartbeat changes nothing. There is no visit, no time of day and no order here.
"""

from __future__ import annotations

from django.db import models

from hub.intake.models import Kiosk


class DailyCount(models.Model):
    class Name(models.TextChoices):
        VISITS = "visits", "Visits"
        CARDS = "cards", "Cards opened"
        READ_ALOUD = "read_aloud", "Read aloud"
        CALLBACKS_SENT = "callbacks_sent", "Callback requests sent"

    kiosk = models.ForeignKey(Kiosk, on_delete=models.CASCADE, related_name="daily_counts")
    day = models.DateField(help_text="the kiosk's local day")
    name = models.CharField(max_length=16, choices=Name.choices)
    card = models.CharField(max_length=100, blank=True, help_text="for cards: the card id")
    lang = models.CharField(max_length=8, blank=True, help_text="for cards: its language")
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kiosk", "day", "name", "card", "lang"], name="one_count_per_day"
            )
        ]
        indexes = [models.Index(fields=["day", "name"])]
        permissions = [("view_reading", "Can see what patients read (counts only)")]

    def __str__(self) -> str:
        what = f"{self.name} {self.card}.{self.lang}" if self.card else self.name
        return f"{self.kiosk_id} {self.day}: {what} = {self.count}"


class CountedDay(models.Model):
    """What the hub last stored for one kiosk and day, as a fingerprint: a heartbeat that
    repeats a day unchanged (six of the seven it sends, usually) is then one read."""

    kiosk = models.ForeignKey(Kiosk, on_delete=models.CASCADE, related_name="counted_days")
    day = models.DateField()
    fingerprint = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kiosk", "day"], name="one_counted_day")]

    def __str__(self) -> str:
        return f"{self.kiosk_id} {self.day}"
