"""Survey pages: the public page and results (public.py), the focal point's pages (staff.py)."""
