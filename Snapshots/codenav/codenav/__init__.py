"""Part of the codenav starter that scaffold wrote; yours to change."""
