"""What staff can do to a kiosk: the PIN, the modes, the audit trail, status and heartbeat."""
