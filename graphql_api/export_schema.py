"""`python -m graphql_api.export_schema`: write the schema, in SDL, to schema.graphql."""

import sys
from pathlib import Path

from graphql_api.schema import export

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schema.graphql"


def main() -> int:
    SCHEMA_FILE.write_text(export(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
