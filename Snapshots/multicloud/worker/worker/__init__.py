"""Part of the worker starter that scaffold wrote; yours to change."""
