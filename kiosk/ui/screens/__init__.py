"""One module per screen the patient can be on."""
