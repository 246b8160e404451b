"""Reporting: tables built only from the JSON files that runs and evaluations wrote."""
