"""The ``astana-facts`` command line (click lives here and nowhere else)."""
