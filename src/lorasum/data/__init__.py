"""Data stage: sources (XL-Sum, Italian sets, local files, synthetic) -> <dir>/<lang>/<split>.jsonl."""
