"""Leases: a process heard from within the lease is alive, one silent for longer is dead."""

from datetime import UTC, datetime, timedelta

import pytest

from domain.leases import heartbeat_every, lease_cutoff, lease_expired, lease_holder

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("heartbeat_ago", "started_ago", "expired"),
    [
        (5, 600, False),  # a long import still beating
        (179, 600, False),  # one heartbeat late, within the lease
        (181, 600, True),  # silent for longer than the lease
        (None, 30, False),  # just started, before its first heartbeat
        (None, 600, True),  # started long ago and never heard from (a record from before leases)
        (None, None, True),
    ],
)
def test_a_lease_expires_when_the_process_is_silent_for_longer_than_the_lease(
    heartbeat_ago, started_ago, expired
):
    def ago(seconds):
        return None if seconds is None else NOW - timedelta(seconds=seconds)

    assert (
        lease_expired(
            heartbeat_at=ago(heartbeat_ago), started_at=ago(started_ago), now=NOW, lease_seconds=180
        )
        is expired
    )


def test_the_cutoff_for_a_query_agrees_with_the_rule():
    cutoff = lease_cutoff(now=NOW, lease_seconds=180)
    assert not lease_expired(heartbeat_at=cutoff, started_at=None, now=NOW, lease_seconds=180)
    assert lease_expired(
        heartbeat_at=cutoff - timedelta(microseconds=1), started_at=None, now=NOW, lease_seconds=180
    )


def test_a_working_process_beats_several_times_per_lease():
    assert heartbeat_every(180) == 30
    assert heartbeat_every(0.01) == 0.05


def test_the_holder_names_the_server_and_the_process():
    assert lease_holder("may-chu-1", 4242) == "may-chu-1:4242"
    assert len(lease_holder("x" * 300, 4242)) <= 128
