"""`python -m lorasum ...` (and `accelerate launch -m lorasum ...`) run the CLI, allocator settings included."""

from lorasum.cli import entry

entry()
