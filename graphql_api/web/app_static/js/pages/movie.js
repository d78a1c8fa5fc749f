// A film: its facts, genres, director and cast (linking to people), and the films most like it, with why.

import { graphql } from "../api.js";
import { likeButton, movieCard, rating, reasonList, section, status } from "../components.js";
import { formatMoney, formatNumber, h } from "../dom.js";
import { MOVIE } from "../queries.js";
import { link } from "../router.js";

export async function moviePage(route) {
  const { movie } = await graphql(MOVIE, { id: Number(route.id) });
  if (!movie) {
    return { title: "Not found", content: status("This data set has no film with that id.") };
  }
  const content = h(
    "article",
    { class: "movie" },
    h(
      "header",
      { class: "movie-header" },
      h("h1", {}, movie.title ?? "Untitled", " ", h("span", { class: "year" }, `(${movie.releaseDate.slice(0, 4)})`)),
      movie.tagline ? h("p", { class: "tagline" }, movie.tagline) : null,
      h("p", { class: "meta" }, rating(movie), " ", likeButton(movie)),
      h(
        "p",
        { class: "genres" },
        movie.genres.map((genre) =>
          h("a", { class: "chip", href: link("browse", undefined, new URLSearchParams({ genre: genre.name })) }, genre.name),
        ),
      ),
    ),
    movie.overview ? h("p", { class: "overview" }, movie.overview) : null,
    h("dl", { class: "facts" }, facts(movie)),
    section(
      "Cast and crew",
      h(
        "p",
        {},
        h("strong", {}, movie.directors.length > 1 ? "Directors: " : "Director: "),
        movie.directors.length ? people(movie.directors) : "unknown",
      ),
      movie.cast.totalCount
        ? h(
            "ul",
            { class: "cast" },
            movie.cast.nodes.map((credit) =>
              h(
                "li",
                {},
                h("a", { href: link("person", credit.person.id) }, credit.person.name),
                credit.character ? h("span", { class: "meta" }, ` as ${credit.character}`) : null,
              ),
            ),
          )
        : status("No cast recorded."),
    ),
    section(
      "Similar films",
      movie.similar.length
        ? h(
            "div",
            { class: "grid" },
            movie.similar.map((entry) =>
              movieCard(
                entry.movie,
                h("p", { class: "score" }, `Similarity ${formatNumber(entry.score, 2)}`),
                reasonList(entry.reasons, entry.score),
              ),
            ),
          )
        : status("No similar film."),
    ),
  );
  return { title: movie.title ?? "Film", content };
}

function facts(movie) {
  const rows = [
    ["Released", movie.releaseDate],
    ["Runtime", movie.runtime ? `${movie.runtime} min` : "unknown"],
    ["Original language", movie.originalLanguage ?? "unknown"],
    ["Budget", formatMoney(movie.budget)],
    ["Revenue", formatMoney(movie.revenue)],
    ["Return", movie.return ? `${formatNumber(movie.return, 2)} × the budget` : "unknown"],
    ["Popularity", movie.popularity === null ? "unknown" : formatNumber(movie.popularity, 1)],
  ];
  if (movie.collection) {
    rows.push([
      "Collection",
      h("a", { href: link("browse", undefined, new URLSearchParams({ collection: movie.collection.id })) }, movie.collection.name),
    ]);
  }
  return rows.map(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]);
}

function people(list) {
  return list.flatMap((person, index) => [index ? ", " : "", h("a", { href: link("person", person.id) }, person.name)]);
}
