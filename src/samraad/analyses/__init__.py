"""The analyses of absence for HR and central HR (docs/management-information.md,
"Analyses"): short-term absence by age band, seniors by job group, absence in the
notice period, job groups across administrations. Committee members see them as the
disclosure policy allows. `tables` is pure; `service` computes, `views` shows."""
