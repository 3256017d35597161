"""The monthly management report (LIS) per unit: its content (pure), as PDF and Excel,
the download on the unit page, subscriptions and their monthly mail
(spec/management-information.md, "Monthly report (LIS)"; docs/management-information.md)."""
