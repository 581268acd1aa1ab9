"""The cohort layer: many groups' sessions, summarised once per session, aggregated for the report."""
