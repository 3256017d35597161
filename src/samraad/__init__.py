"""Samråd: sickness-absence follow-up and joint consultation committees."""

__version__ = "0.1.0"
