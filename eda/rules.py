"""The thresholds the report applies, in one place."""

# A budget or revenue below this many dollars is not in dollars: the source writes some in millions
# (a budget of 1 for $1 million), and such a budget makes a return in the millions.
DOLLAR_FLOOR = 1_000
# The vote count from which the service's titleVotes query gives a film's votes.
VOTES_THRESHOLD = 2000
# People ranked by return need at least this many films, so that one lucky film does not win.
MIN_FILMS = 5
# A decade enters a share-over-decades comparison only with at least this many films.
MIN_DECADE_FILMS = 50
TOP = 15  # bars in a ranking
