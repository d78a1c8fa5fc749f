"""The customer's questions answered over the read model, as plain functions returning plain data.

The GraphQL schema, the REST routes and the benchmarks' ceiling all call these functions.
"""
