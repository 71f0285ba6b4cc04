"""How the kiosk is doing, without Qt: the typed status staff read (panel and `kiosk status`),
the checks behind it, and the heartbeat that carries it to the clinic's hub.
"""
