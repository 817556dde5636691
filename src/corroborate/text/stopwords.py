"""Function words, negations and number words of the lexical path (fingerprints, lexical paraphrase, drift)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


#: Function words: they carry little of what a sentence is about. Negations and number words are NOT here;
#: callers that need them look for them separately.
_STOP_TEXT = """
a an the this that these those there here it its it's itself he him his himself she her hers herself they them
their theirs themselves we us our ours you your yours i me my mine who whom whose which what when where why how
and or but if then than so as of at by for from in into on onto out over under up down off to with within upon
about above across after against along among around before behind below beneath beside between beyond during
except inside near past since through throughout toward towards until via per be am is are was were been being
have has had having do does did doing done will would shall should can could may might must ought also just only
even still yet already again ever very too quite rather really much more most such own same other another each
every both either all any some many few several lot lots one's whether while although though because however
therefore thus meanwhile mr mrs ms miss dr prof sir madam said says say told tell according reportedly
"""


STOPWORDS = frozenset(_STOP_TEXT.split())


NEGATIONS = frozenset({"not", "no", "never", "n't", "nt", "nobody", "nothing", "none", "neither", "nor", "nowhere",
                       "cannot", "without"})


_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}


_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


_NUMBER_WORDS = frozenset((*_UNITS, *_TENS, *_SCALES, "dozen"))
