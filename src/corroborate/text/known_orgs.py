"""Companies, platforms and agencies that news names by a bare brand ("Facebook said", "posted on YouTube").

A brand has no head word ("Ministry", "Inc") and no place cue, so the rules and the NER model typed these as
things (OTH) or places: entity pool 3 (GUIDELINE.md section 31) read "Facebook", "YouTube", "Apple" and "Viber"
that way. The bench's guideline types a company, a site or a platform as an organisation. Lower case, as
:func:`corroborate.attribution.kinds.name_kind` compares. Kept to names that are a company in almost every use:
not "Apple" alone (a fruit), "Amazon" (a river), "Tesla" or "Bloomberg" (people), "Shell" or "Zoom" (words
that open sentences): the context would have to tell, so those are left to the rules and the model.
"""

from __future__ import annotations

_TEXT = """
facebook instagram whatsapp twitter youtube google alphabet microsoft netflix spotify tiktok snapchat
linkedin reddit pinterest tumblr viber telegram wechat weibo baidu alibaba tencent huawei xiaomi samsung sony
nintendo toyota nissan volkswagen uber lyft airbnb paypal ebay yahoo skype spacex boeing
airbus ryanair easyjet lufthansa qantas walmart starbucks mcdonald's ikea nestle unilever pfizer
moderna astrazeneca gazprom rosneft aramco exxonmobil chevron bp fifa uefa nasa interpol europol
wikileaks wikipedia reuters
"""
_MULTI = ("apple inc", "apple computer", "goldman sachs", "morgan stanley", "jp morgan", "deutsche bank")

KNOWN_ORGANISATIONS: frozenset[str] = frozenset(_TEXT.split()) | frozenset(_MULTI)

# The platforms among them: where people and groups post, rarely who speaks. "The group said in a Facebook
# message" is the group, and the organisation named last before "the group said" is not the platform (speaker
# pool 2 read both ways once platforms were typed ORG).
_PLATFORM_TEXT = """
facebook instagram whatsapp twitter youtube tiktok snapchat linkedin reddit pinterest tumblr viber telegram
wechat weibo skype wikipedia
"""
PLATFORMS: frozenset[str] = frozenset(_PLATFORM_TEXT.split())
