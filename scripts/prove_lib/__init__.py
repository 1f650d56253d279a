"""The proving ground: runs what scaffold generates on a real container engine (see scripts/prove)."""
