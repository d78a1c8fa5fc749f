"""Running GraphQL requests: cached parsing and validation, limits, a time budget, masked errors."""
