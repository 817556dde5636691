"""Word lists of the sentence-pair judge: negations, antonym pairs and number words."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass


NEGATIONS = frozenset(("not", "no", "nobody", "nothing", "never", "none", "nowhere", "neither", "nor",
                       "n't", "cannot", "without", "noone"))


# Common antonyms in news and caption text. Kept short on purpose: each pair is a contradiction cue
# only when one word is in one sentence and its antonym in the other.
_ANTONYM_TEXT = """
up down|in out|on off|open closed|open shut|start stop|start end|begin end|win lose|won lost|wins loses
winning losing|rise fall|rose fell|rising falling|increase decrease|increased decreased|more less
more fewer|most least|high low|higher lower|big small|large small|larger smaller|long short|tall short
young old|new old|old young|fast slow|quickly slowly|hot cold|warm cold|wet dry|full empty|heavy light
dark bright|day night|black white|man woman|men women|boy girl|boys girls|male female|husband wife
father mother|son daughter|brother sister|king queen|inside outside|indoors outdoors|above below
before after|early late|first last|push pull|buy sell|bought sold|buying selling|accept reject
accepted rejected|agree disagree|allow forbid|approve oppose|approved rejected|support oppose
supported opposed|guilty innocent|alive dead|live die|lived died|survived died|arrive leave
arrived left|enter exit|entering leaving|sit stand|sitting standing|asleep awake|sleeping waking
happy sad|laughing crying|smiling frowning|love hate|loves hates|rich poor|strong weak|easy hard
cheap expensive|safe dangerous|true false|right wrong|left right|north south|east west|top bottom
front back|near far|together apart|always never|all none|everyone nobody|everything nothing
sell buy|give take|gave took|raise lower|raised lowered|gain loss|gained lost|profit loss|deny admit
denied admitted|confirm deny|confirmed denied|attack defend|attacked defended|praise criticise
praised criticised|praised criticized|praise criticize|resign appointed|hire fire|hired fired
success failure|succeeded failed|pass fail|passed failed|legal illegal|public private|peace war
ally enemy|friend enemy|same different|present absent|dry wet|thin thick|thin fat|clean dirty
quiet loud|calm angry|empty crowded|walking running|walks runs|walk run|climbing descending
climbs descends|upstairs downstairs|sunny rainy|summer winter|morning evening|sunrise sunset
"""


ANTONYMS: frozenset[tuple[str, str]] = frozenset(
    pair for chunk in _ANTONYM_TEXT.replace("\n", "|").split("|") if chunk.strip()
    for a, b in [chunk.split()] for pair in ((a, b), (b, a))
)


NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000", "million": "1e6",
    "billion": "1e9", "dozen": "12", "first": "1st", "second": "2nd", "third": "3rd",
}
