"""Every write of emulation and rewards, atomic: ``movements`` (movements, contents, participants, contest
scoring, registrations, initiatives, ratings input) and ``awards`` (nominations, checks, council, votes,
decisions, the register)."""

VIEW = "rewards.view"
MANAGE = "rewards.manage"
REGISTER = "rewards.register"
NOMINATE = "rewards.nominate"
CHECK = "rewards.check"
RECORD_VOTE = "rewards.record_vote"
OVERRIDE = "rewards.override"
DECIDE = "rewards.decide"
