"""Part of the block-override starter that scaffold wrote; yours to change."""
