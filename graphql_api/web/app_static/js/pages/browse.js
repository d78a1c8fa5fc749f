// Browsing the catalogue: filters, an order, pages of films, and how many films each genre and decade holds.

import { graphql } from "../api.js";
import { movieGrid, status } from "../components.js";
import { count, formatNumber, h } from "../dom.js";
import { BROWSE } from "../queries.js";
import { link } from "../router.js";

const ORDERS = {
  POPULARITY: "Popularity",
  VOTE_AVERAGE: "Rating",
  VOTE_COUNT: "Votes",
  RELEASE_DATE: "Release date",
  REVENUE: "Revenue",
  RETURN: "Return",
  TITLE: "Title",
};
const NUMBERS = ["yearFrom", "yearTo", "minVoteCount", "minVoteAverage"];

function filterOf(params) {
  const filter = {};
  const genres = params.getAll("genre");
  if (genres.length) {
    filter.genres = genres;
  }
  for (const name of NUMBERS) {
    if (params.get(name)) {
      filter[name] = Number(params.get(name));
    }
  }
  if (params.get("language")) {
    filter.originalLanguage = params.get("language");
  }
  if (params.get("collection")) {
    filter.collectionId = Number(params.get("collection"));
  }
  if (params.getAll("person").length) {
    filter.personIds = params.getAll("person").map(Number);
  }
  return filter;
}

export async function browsePage(route) {
  const params = route.params;
  const variables = {
    filter: filterOf(params),
    orderBy: params.get("orderBy") || undefined,
    direction: params.get("direction") || undefined,
  };
  const data = await graphql(BROWSE, variables);
  const found = data.searchMovies;
  const grid = movieGrid(found.nodes);
  const more = h("button", { type: "button", class: "more", hidden: !found.pageInfo.hasNextPage }, "More films");
  let cursor = found.pageInfo.endCursor;
  more.addEventListener("click", async () => {
    more.disabled = true;
    const next = (await graphql(BROWSE, { ...variables, after: cursor })).searchMovies;
    grid.append(...movieGrid(next.nodes).children);
    cursor = next.pageInfo.endCursor;
    more.hidden = !next.pageInfo.hasNextPage;
    more.disabled = false;
  });
  const content = h(
    "div",
    { class: "browse" },
    filters(params, data, found.facets),
    h(
      "section",
      { class: "results", "aria-live": "polite" },
      h("h1", {}, "Browse films"),
      h("p", { class: "summary" }, count(found.totalCount, "film")),
      found.totalCount ? grid : status("No film meets these conditions."),
      more,
    ),
  );
  return { title: "Browse", content };
}

function filters(params, data, facets) {
  const counts = Object.fromEntries(facets.genres.map((genre) => [genre.name, genre.count]));
  const chosen = new Set(params.getAll("genre"));
  const form = h(
    "form",
    { class: "filters", "aria-label": "Filters" },
    h(
      "fieldset",
      {},
      h("legend", {}, "Genres"),
      h(
        "div",
        { class: "genre-list" },
        data.genres.map((genre) =>
          h(
            "label",
            { class: "check" },
            h("input", { type: "checkbox", name: "genre", value: genre.name, checked: chosen.has(genre.name) }),
            genre.name,
            h("span", { class: "count" }, formatNumber(counts[genre.name] ?? 0)),
          ),
        ),
      ),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Released"),
      h(
        "div",
        { class: "range" },
        numberField("yearFrom", "From", params, { min: 1870, max: 2030 }),
        numberField("yearTo", "to", params, { min: 1870, max: 2030 }),
      ),
      h(
        "p",
        { class: "decades" },
        facets.decades.map((decade) =>
          h(
            "a",
            { href: decadeLink(params, decade.decade), class: "chip" },
            `${decade.decade}s `,
            h("span", { class: "count" }, formatNumber(decade.count)),
          ),
        ),
      ),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Votes"),
      numberField("minVoteCount", "At least", params, { min: 0, step: 1 }, "votes"),
      numberField("minVoteAverage", "Rated", params, { min: 0, max: 10, step: 0.5 }, "or more"),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Language and order"),
      h(
        "label",
        {},
        "Original language ",
        select("language", params.get("language"), [["", "any"], ...data.originalLanguages.map((code) => [code, code])]),
      ),
      h("label", {}, "Order by ", select("orderBy", params.get("orderBy"), Object.entries(ORDERS))),
      h(
        "label",
        {},
        "Direction ",
        select("direction", params.get("direction"), [
          ["", "usual"],
          ["DESC", "descending"],
          ["ASC", "ascending"],
        ]),
      ),
    ),
    kept(params),
    h("p", { class: "actions" }, h("button", { type: "submit" }, "Show films"), " ", h("a", { href: "#/" }, "Clear")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosenParams = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (value !== "") {
        chosenParams.append(name, value);
      }
    }
    location.hash = link("browse", undefined, chosenParams);
  });
  return form;
}

function kept(params) {
  // Conditions set by a link (a collection, a person) rather than by this form, kept when it is sent.
  const hidden = [
    ...params.getAll("collection").map((value) => ["collection", value]),
    ...params.getAll("person").map((value) => ["person", value]),
  ];
  if (!hidden.length) {
    return null;
  }
  return h(
    "p",
    { class: "meta" },
    hidden.map(([name, value]) => h("input", { type: "hidden", name, value })),
    `Only films of ${hidden.map(([name]) => `this ${name}`).join(" and ")}.`,
  );
}

function numberField(name, label, params, limits, after = "") {
  return h(
    "label",
    { class: "number" },
    `${label} `,
    h("input", { type: "number", name, value: params.get(name) ?? "", inputmode: "numeric", ...limits }),
    after ? ` ${after}` : "",
  );
}

function select(name, current, options) {
  return h(
    "select",
    { name },
    options.map(([value, label]) => h("option", { value, selected: value === (current ?? "") }, label)),
  );
}

function decadeLink(params, decade) {
  const next = new URLSearchParams(params);
  next.set("yearFrom", decade);
  next.set("yearTo", decade + 9);
  return link("browse", undefined, next);
}
