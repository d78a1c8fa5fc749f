// Pieces several pages show: a film card, the like button, the reasons two films are alike.

import { formatNumber, h } from "./dom.js";
import { isLiked, toggleLike } from "./likes.js";
import { link } from "./router.js";

const FEATURES = {
  TEXT: "Story words",
  COLLECTION: "Collection",
  GENRES: "Genres",
  DIRECTOR: "Director",
  CAST: "Cast",
  LANGUAGE: "Language",
};

export function rating(movie) {
  if (movie.voteAverage === null || !movie.voteCount) {
    return "no votes";
  }
  return `★ ${formatNumber(movie.voteAverage, 1)} (${formatNumber(movie.voteCount)} votes)`;
}

export function movieCard(movie, ...extra) {
  return h(
    "article",
    { class: "card" },
    h("h3", {}, h("a", { href: link("movie", movie.id) }, movie.title ?? "Untitled")),
    h("p", { class: "meta" }, `${movie.releaseYear} · ${rating(movie)}`),
    h("p", { class: "genres" }, movie.genres.map((genre) => genre.name).join(", ")),
    extra,
  );
}

export function movieGrid(movies, extra = () => []) {
  return h("div", { class: "grid" }, movies.map((movie) => movieCard(movie, extra(movie))));
}

export function likeButton(movie) {
  const button = h("button", { type: "button", class: "like", "aria-pressed": String(isLiked(movie.id)) });
  const show = () => {
    const liked = isLiked(movie.id);
    button.setAttribute("aria-pressed", String(liked));
    button.textContent = liked ? "♥ In my list" : "♡ Like";
  };
  button.addEventListener("click", () => {
    toggleLike(movie);
    show();
  });
  show();
  return button;
}

export function reasonList(reasons, score) {
  return h(
    "ul",
    { class: "reasons", "aria-label": "Why" },
    reasons.map((reason) =>
      h(
        "li",
        { class: reason.contribution < 0 ? "negative" : "" },
        h("span", { class: "feature" }, FEATURES[reason.feature] ?? reason.feature),
        bar(Math.abs(reason.contribution) / Math.max(score, 1e-9), formatNumber(reason.contribution, 3)),
        h("span", { class: "detail" }, reason.detail ?? "similar words in title, overview or tagline"),
      ),
    ),
  );
}

function bar(share, label) {
  const element = h("span", { class: "bar", title: label, "aria-label": label });
  element.style.setProperty("--share", `${Math.min(100, Math.round(100 * share))}%`);  // CSSOM: allowed by the CSP
  return element;
}

export function section(title, ...children) {
  return h("section", {}, h("h2", {}, title), children);
}

export function status(text) {
  return h("p", { class: "status" }, text);
}
