"""The customer's business rules, each stated once."""

VOTES_THRESHOLD = 2000  # a film's votes are reported only from this many votes on
MAX_TEXT_LENGTH = 300  # characters of a title or name to look up
SUGGESTIONS = 5  # closest titles or names offered when nothing matches
