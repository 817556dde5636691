"""``spacy train --code`` hook: registers the MiniLM embed layer and caches its features across epochs."""

from corroborate.nlp import minilm

minilm.enable_cache()
