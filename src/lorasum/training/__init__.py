"""Training: the one loop shared by every method, and the efficiency meters it reports."""
