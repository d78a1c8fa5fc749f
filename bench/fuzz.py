"""`python -m bench.fuzz [examples]`: a long fuzz run of schema-generated queries against the HTTP app."""

import sys

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis_graphql import Mode, queries

from bench.data import processed
from graphql_api.data.loader import load
from graphql_api.schema import export
from graphql_api.web.app import create_app


def main() -> None:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    data_dir = processed()
    client = TestClient(create_app(load(data_dir)))
    statuses: dict[int, int] = {}

    for mode in (Mode.POSITIVE, Mode.NEGATIVE):

        @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
        @given(query=queries(export(), mode=mode))
        def run(query: str) -> None:
            response = client.post("/graphql", json={"query": query})
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            assert response.status_code < 500, query

        run()
        print(f"{mode.name}: {examples} examples, statuses so far {dict(sorted(statuses.items()))}")


if __name__ == "__main__":
    main()
