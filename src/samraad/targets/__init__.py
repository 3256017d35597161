"""Targets (måltal): which target a unit has, breaking a target down to the units below
(spec/management-information.md, "Targets"), and the pages that set them.

`inheritance` and `breakdown` are pure (no Django); `store` reads and writes the
targets, `views` are the unit page's target form and breakdown.
"""
