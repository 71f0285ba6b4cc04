"""Clinic information kiosk: plain-language cards about immunotherapy for blood cancers."""

__version__ = "0.1.0"
