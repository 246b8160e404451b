"""The one exception type for user mistakes; the CLI turns it into one line and exit code 2.

    raise UserError("--lora-r must be >= 1 (got 0): pass --lora-r 8, for example")
"""

import difflib


class UserError(Exception):
    """Bad input from the user: the message says what was wrong and how to fix it."""


def closest(name: str, choices, prefix: str = "") -> str:
    """A " (did you mean 'PREFIX+X'?)" hint for a misspelt name, or '' when nothing is close."""
    by_lower = {str(c).lower(): str(c) for c in choices}  # "LoRA" should find "lora"
    match = difflib.get_close_matches(str(name).lower(), list(by_lower), n=1, cutoff=0.6)
    return f" (did you mean '{prefix}{by_lower[match[0]]}'?)" if match else ""
