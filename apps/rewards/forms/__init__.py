"""Forms of emulation and rewards, by sub-concept like the views."""
