"""The customer's business rules, each stated once."""

VOTES_THRESHOLD = 2000  # a film's votes are reported only from this many votes on
MAX_TEXT_LENGTH = 300  # characters of a title or name to look up
SUGGESTIONS = 5  # closest titles or names offered when nothing matches

# Discovery: search, completion, recommendations for a taste
MAX_SEARCH_LENGTH = 200  # characters of a search text
MAX_SEARCH_WORDS = 8  # words of a search text
MAX_PREFIX_LENGTH = 100  # characters of a prefix to complete
MAX_COMPLETIONS = 20  # titles completed at once
TYPO_PREFIX_LETTERS = 4  # a prefix this long is completed despite a typo
MAX_FILTER_PEOPLE = 10  # people a listing may require at once
MAX_TASTE_FILMS = 50  # films liked, disliked or excluded, each
MAX_TASTE_RECOMMENDATIONS = 50
