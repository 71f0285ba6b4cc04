"""The Qt face of the kiosk: thin screens and widgets that show what the core holds."""
