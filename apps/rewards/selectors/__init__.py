"""Every read of emulation and rewards that crosses a permission boundary: ``common`` (the agency viewed),
``movements`` (movements, contents, contest scores, registrations, initiatives, ratings input) and ``awards``
(nominations, council, votes, decisions, the register)."""
