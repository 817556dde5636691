"""Words that tell where a caption run into the next sentence ends (ingest/segment.py, run-on captions).

Daily Mail pages set each photo caption as a line with no final full stop; scrapes that drop the line breaks
run the captions and the next sentence together ("… in the Philippines The risk paid off …"). A sentence
starter written with a capital right after a lower-case word, and followed by a lower-case word, marks the
join: in running prose those words are capitalised only at a sentence's start.
"""

from __future__ import annotations

# Capitalised, then a lower-case word: the start of a sentence ("The risk paid off", "She fits in", "In the
# days before"). Articles "A"/"An" are left out ("vitamin A is", "Plan A was"), as are titles before names.
RUN_ON_STARTERS = ("The", "This", "These", "Those", "He", "She", "It", "They", "We", "Here", "There", "In", "On",
                   "At", "After", "But", "His", "Her", "Their", "Its")

# Starters that also end titles and names ("Fix It", "Don't Push It", "Sea Me We 4"): after a capitalised word
# they do not start a sentence.
TITLE_TAIL_STARTERS = frozenset(("It", "We", "His", "Her", "Its", "Their"))

# A word after which a capitalised starter is part of a name or a title, not a new sentence ("the film The
# Others", "a book called This Is Us", "star of It Follows", "he told The Times").
RUN_ON_BEFORE = frozenset((
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "the", "a", "an", "and", "or", "as", "than",
    "about", "into", "like", "said", "says", "told", "called", "named", "titled", "dubbed", "show", "film",
    "movie", "book", "series", "song", "album", "via", "read", "reads", "wrote", "tweeted", "starring",
))
