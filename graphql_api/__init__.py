"""The GraphQL service over the processed movie tables."""
