"""Models: build random mT5s offline (presets + SentencePiece), load any model from the hub or a directory."""
