"""Retention: how long Samråd keeps each kind of data, and the purge that deletes what
is past it (docs/operations.md "Retention and purge")."""
