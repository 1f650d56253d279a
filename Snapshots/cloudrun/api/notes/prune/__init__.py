"""Part of the api starter that scaffold wrote; yours to change."""
