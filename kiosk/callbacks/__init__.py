"""Contact a specialist, without Qt: checking the form, the durable outbox, and delivery to
the callback endpoint."""
