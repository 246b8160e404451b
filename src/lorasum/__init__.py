"""lorasum: LoRA and full fine-tuning of mT5 for multilingual news summarization, compared.

    $ lorasum demo          # the whole flow, offline, on a synthetic corpus and a tiny mT5
"""

__version__ = "0.1.0"
