// Search results: films whose title matches the words typed (typos tolerated), and people whose name does.

import { graphql } from "../api.js";
import { movieGrid, section, status } from "../components.js";
import { count, formatNumber, h } from "../dom.js";
import { SEARCH } from "../queries.js";
import { link } from "../router.js";

export async function searchPage(route) {
  const query = route.params.get("query") ?? "";
  const { movies, people } = await graphql(SEARCH, { query });
  const content = h(
    "div",
    { class: "search-results" },
    h("h1", {}, `Results for “${query}”`),
    section(
      `Films (${formatNumber(movies.totalCount)})`,
      movies.totalCount ? movieGrid(movies.nodes) : status("No film title matches these words."),
    ),
    section(
      `People (${formatNumber(people.totalCount)})`,
      people.totalCount
        ? h(
            "ul",
            { class: "people" },
            people.nodes.map((person) => h("li", {}, h("a", { href: link("person", person.id) }, person.name), roles(person))),
          )
        : status("No name matches these words."),
    ),
  );
  return { title: `“${query}”`, content };
}

function roles(person) {
  const parts = [];
  if (person.acting) {
    parts.push(`actor in ${count(person.acting.filmCount, "film")}`);
  }
  if (person.directing) {
    parts.push(`director of ${count(person.directing.filmCount, "film")}`);
  }
  return parts.length ? h("span", { class: "meta" }, ` · ${parts.join(", ")}`) : null;
}
