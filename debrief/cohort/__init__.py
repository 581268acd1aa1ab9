"""The cohort layer: many groups' sessions read, summarised once per session, and aggregated for the report."""
