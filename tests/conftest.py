"""Hypothesis profiles: `ci` replays the same examples on every run (HYPOTHESIS_PROFILE=ci,
set by .ci/run), so a landing never hinges on a new random draw; developers keep
exploring fresh examples by default."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
