"""`python -m lorasum ...` (and `accelerate launch -m lorasum ...`) run the CLI."""

from lorasum.cli import main

raise SystemExit(main())
