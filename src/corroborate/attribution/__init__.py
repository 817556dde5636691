"""Who is who and who said what in a story: name mentions, entities with aliases, quotes with speakers, misquotes."""
