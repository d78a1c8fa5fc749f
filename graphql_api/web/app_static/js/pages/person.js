// A person: the return of the films they acted in and directed, and their films.

import { graphql } from "../api.js";
import { movieGrid, section, status } from "../components.js";
import { count, formatNumber, h } from "../dom.js";
import { PERSON } from "../queries.js";
import { link } from "../router.js";

export async function personPage(route) {
  const { person } = await graphql(PERSON, { id: Number(route.id) });
  if (!person) {
    return { title: "Not found", content: status("This data set has no person with that id.") };
  }
  const cast = person.castCredits;
  const crew = person.crewCredits;
  const content = h(
    "article",
    { class: "person" },
    h("h1", {}, person.name ?? "Unnamed"),
    h("p", {}, h("a", { href: link("browse", undefined, new URLSearchParams({ person: person.id })) }, "Browse their films")),
    h("div", { class: "returns" }, success("As an actor", person.acting), success("As a director", person.directing)),
    cast.totalCount
      ? section(
          `Acting (${formatNumber(cast.totalCount)})`,
          movieGrid(
            cast.nodes.map((credit) => credit.movie),
            (movie) => roleOf(cast.nodes, movie, (credit) => credit.character),
          ),
        )
      : null,
    crew.totalCount
      ? section(
          `Behind the camera (${formatNumber(crew.totalCount)})`,
          movieGrid(
            unique(crew.nodes.map((credit) => credit.movie)),
            (movie) => roleOf(crew.nodes, movie, (credit) => credit.job),
          ),
        )
      : null,
    cast.totalCount || crew.totalCount ? null : status("No film recorded."),
  );
  return { title: person.name ?? "Person", content };
}

function success(label, figures) {
  if (!figures) {
    return null;
  }
  return h(
    "dl",
    { class: "facts" },
    h("dt", {}, label),
    h("dd", {}, count(figures.filmCount, "film")),
    h("dt", {}, "Total return"),
    h("dd", {}, formatNumber(figures.totalReturn, 2)),
    h("dt", {}, "Average return"),
    h("dd", {}, `${formatNumber(figures.averageReturn, 2)} per film`),
  );
}

function roleOf(credits, movie, describe) {
  const roles = credits.filter((credit) => credit.movie.id === movie.id).map(describe).filter(Boolean);
  return roles.length ? h("p", { class: "role" }, [...new Set(roles)].join(", ")) : null;
}

function unique(movies) {
  return [...new Map(movies.map((movie) => [movie.id, movie])).values()];
}
