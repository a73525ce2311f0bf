"""Queue index updates after commit; only management commands write the index."""
