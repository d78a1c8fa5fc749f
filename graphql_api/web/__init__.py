"""The HTTP layer: the ASGI application, the /graphql endpoint, the health check and static pages."""
