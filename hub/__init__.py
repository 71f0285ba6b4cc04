"""The clinic hub: where kiosks' callback requests land and where the fleet is watched.

A Django project, installed with `pip install '.[hub]'` (kiosks never carry it): `intake`
receives what kiosks send, `inbox` is what specialists see, `fleet` what IT sees.
"""
