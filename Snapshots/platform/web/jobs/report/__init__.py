"""Part of the web starter that scaffold wrote; yours to change."""
