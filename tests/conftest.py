"""Hypothesis profiles: ``dev`` (quick, the default) and ``ci`` (thorough, when CI is set)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "dev", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# Hypothesis loads its built-in "ci" profile when CI is set (derandomize, no deadline, no
# database); re-registering it only adds more examples.
settings.register_profile(
    "ci",
    parent=settings.get_profile("ci"),
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
