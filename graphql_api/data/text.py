"""Normalizing titles and names so that lookups ignore case, accents and spacing.

The rule is part of the contract: the ETL builds the lookup keys with it (etl.contract.normalize).
"""

from etl.contract import normalize

__all__ = ["normalize"]
