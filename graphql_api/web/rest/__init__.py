"""The customer's first version spoke REST: its seven GET endpoints, answered by the domain like GraphQL."""
