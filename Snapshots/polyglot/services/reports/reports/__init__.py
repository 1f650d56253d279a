"""Part of the reports starter that scaffold wrote; yours to change."""
