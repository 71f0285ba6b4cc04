"""What staff can do to a kiosk, without Qt: the PIN and its lockout, the modes, and the
state file with its audit trail."""
