"""Our GraphiQL page: the editor with the explorer plugin, every file it loads served by this service."""

import json
from string import Template

from graphql_api.web.vendor import GRAPHIQL, GRAPHIQL_EXPLORER, REACT, REACT_DOM

DEFAULT_QUERY = """# Every question the movies API answers, in one query.
# Run it with the play button or Ctrl-Enter.
# Ctrl-Space completes names as you type.
# The explorer (left bar) builds queries by ticking fields.
{
  mes: releasesInMonth(month: "enero") { count message }
  dia: releasesOnWeekday(day: "sábado") { count message }
  score: titleScore(title: "Toy Story") {
    message suggestions
    matches {
      title releaseYear score message
      movie { id }
    }
  }
  votos: titleVotes(title: "Cinderella") {
    message suggestions
    matches {
      title releaseYear voteCount voteAverage
      meetsThreshold message
      movie { id }
    }
  }
  actor: actor(name: "Tom Hanks") {
    message suggestions
    matches {
      filmCount totalReturn averageReturn message
      person { id name }
    }
  }
  director: director(name: "John Lasseter") {
    message suggestions
    matches {
      filmCount totalReturn averageReturn message
      person { id name }
      films {
        title releaseDate return budget revenue
        movie { id }
      }
    }
  }
}
"""

PAGE = Template("""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Movies GraphQL API · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="$graphiql_css">
<link rel="stylesheet" href="$explorer_css">
<style>
  body { margin: 0; overflow: hidden; }
  #graphiql { height: 100vh; }
</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="$react"></script>
<script src="$react_dom"></script>
<script src="$graphiql_js"></script>
<script src="$explorer_js"></script>
<script>
  const explorer = GraphiQLPluginExplorer.explorerPlugin();
  const props = {
    fetcher: GraphiQL.createFetcher({ url: $endpoint }),
    defaultQuery: $query,
    plugins: [explorer],
    isHeadersEditorEnabled: true,
    inputValueDeprecation: true,
  };
  ReactDOM.createRoot(document.getElementById("graphiql")).render(React.createElement(GraphiQL, props));
</script>
</body>
</html>
""")


def script_literal(value: str) -> str:
    """value as a JavaScript string literal that is safe inside a <script> element."""
    return json.dumps(value).replace("<", "\\u003c")


def graphiql_html(endpoint: str = "/graphql") -> str:
    return PAGE.substitute(
        graphiql_css=GRAPHIQL.url("graphiql.min.css"),
        explorer_css=GRAPHIQL_EXPLORER.url("dist/style.css"),
        react=REACT.url("umd/react.production.min.js"),
        react_dom=REACT_DOM.url("umd/react-dom.production.min.js"),
        graphiql_js=GRAPHIQL.url("graphiql.min.js"),
        explorer_js=GRAPHIQL_EXPLORER.url("dist/index.umd.js"),
        endpoint=script_literal(endpoint),
        query=script_literal(DEFAULT_QUERY),
    )
