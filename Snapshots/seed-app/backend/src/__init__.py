"""Part of the backend starter that scaffold wrote; yours to change."""
