"""Pages of emulation and rewards: ``movements`` (home, movements, contest, registrations, initiatives, ratings
input) and ``awards`` (nominations, council, decisions, register, history)."""
