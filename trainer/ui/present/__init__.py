"""`trainer debrief --present`: the debrief on the projector, one screen at a time, always anonymous."""
