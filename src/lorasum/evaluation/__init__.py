"""Evaluation: batched generation with the XL-Sum settings, multilingual ROUGE, result files."""
