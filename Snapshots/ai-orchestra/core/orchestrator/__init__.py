"""Part of the ai-orchestra starter that scaffold wrote; yours to change."""
