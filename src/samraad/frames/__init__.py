"""The database as the statistics core's frames, and what is computed from them, kept per
process: low-level plumbing that every app may use and that knows none of them.

Apps declare what they contribute (`sources.py`): the frames they fill (org: units,
people: employments, absence: absence records) and the tables whose changes make
cached results stale. This package reads those declarations from the app registry.
"""
