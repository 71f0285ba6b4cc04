"""The callback desk: what the form talks to. It checks, stores durably, and wakes delivery.

The delivery worker (and the HTTP stack under it) is built only when `start()` is called,
after the kiosk's first frame, so a patient never waits for it. Until then requests are
stored and wait, as they would without a network.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.callbacks.endpoint import delivery_problem
from kiosk.callbacks.outbox import OUTBOX_FILE, Outbox
from kiosk.callbacks.request import FormErrors, check_region, mask_phone, validate_request

if TYPE_CHECKING:
    from kiosk.callbacks.delivery import DeliveryWorker

log = logging.getLogger(__name__)
UNAVAILABLE = "service_unavailable"  # the form's error code when the kiosk is misconfigured


@dataclass(frozen=True)
class Receipt:
    """What the confirmation shows: the reference, and the number with all but 4 digits hidden."""

    reference: str
    masked_phone: str


# What the form calls: its raw values in, a receipt out, or FormErrors.
# (first_name, phone, best_time, language, topic, consent, *, trial_id="", trial_title="")
SendRequest = Callable[..., Receipt]


def kiosk_id(config: Any) -> str:
    return config["kiosk.id"] or socket.gethostname()


class CallbackDesk:
    def __init__(self, config: Any, data_dir: Path) -> None:
        self.config = config
        self.region = config["callbacks.region"]
        self.kiosk_id = kiosk_id(config)
        self.outbox_path = data_dir / OUTBOX_FILE
        self.outbox = Outbox(self.outbox_path)
        self.worker: DeliveryWorker | None = None
        self.problem = ""  # found at start(): the region is wrong (staff status shows it)
        # No endpoint or secret (staff status says so from the config itself).
        self.setup_problem = delivery_problem(
            config["callbacks.endpoint"], config["callbacks.secret"]
        )

    @property
    def available(self) -> bool:
        """Whether a request sent now can leave this kiosk: the one place that decides. A kiosk
        that cannot deliver never offers Contact a specialist, so it never promises a call
        nobody will make."""
        return not (self.problem or self.setup_problem)

    def start(self) -> None:
        """Check the region and start delivering in the background (or erasing, on time,
        what was queued before the endpoint was taken away)."""
        from kiosk.callbacks.delivery import DeliveryWorker

        try:
            check_region(self.region)
        except ValueError as error:
            self.problem = f"callback requests are off: {error}"
            log.error("%s", self.problem)
            return
        self.worker = DeliveryWorker(
            self.outbox_path,
            self.config["callbacks.endpoint"],
            self.config["callbacks.secret"],
            self.kiosk_id,
            self.config["callbacks.retention_days"],
        )
        self.worker.start()

    def send(
        self,
        first_name: str,
        phone: str,
        best_time: str,
        language: str,
        topic: str,
        consent: bool,
        *,
        trial_id: str = "",
        trial_title: str = "",
    ) -> Receipt:
        """Check the form, store the request durably, and wake the worker to deliver it.

        Raises FormErrors with each bad field's code; with `service_unavailable` when this
        kiosk cannot take requests at all (see `available`; then nothing was stored).
        """
        if not self.available:
            raise FormErrors({"form": UNAVAILABLE})
        try:
            request = validate_request(
                first_name,
                phone,
                best_time,
                language,
                topic,
                consent,
                self.region,
                trial_id=trial_id,
                trial_title=trial_title,
            )
        except FormErrors:
            raise
        except ValueError as error:  # a configuration mistake, not the patient's
            log.error("callback request refused: %s", type(error).__name__)
            raise FormErrors({"form": UNAVAILABLE}) from None
        reference = self.outbox.submit(request, self.kiosk_id)
        if self.worker is not None:
            self.worker.wake()
        return Receipt(reference, mask_phone(request.phone))

    def close(self) -> None:
        if self.worker is not None:
            self.worker.stop()
        self.outbox.close()
