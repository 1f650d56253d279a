"""Part of the ralex starter that scaffold wrote; yours to change."""
