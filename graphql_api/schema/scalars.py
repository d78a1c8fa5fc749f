"""Scalars beyond GraphQL's own, described and linked to their specification so tools can type them."""

import datetime

import strawberry

DATE = strawberry.scalar(
    name="Date",
    description=(
        "A calendar date with no time and no time zone, as an RFC 3339 full-date string: YYYY-MM-DD "
        '(for example "1995-10-30").'
    ),
    specified_by_url="https://scalars.graphql.org/andimarek/local-date.html",
    serialize=datetime.date.isoformat,
    parse_value=datetime.date.fromisoformat,
)

# The Python types the schema's fields use, and the scalar each is served as.
SCALARS = {datetime.date: DATE}
