// My list: the films liked in this browser, and the films recommended for that taste, with why.

import { graphql } from "../api.js";
import { likeButton, movieCard, reasonList, section, status } from "../components.js";
import { count, formatNumber, h } from "../dom.js";
import { dislike, dislikedIds, forgetDislikes, likedFilms } from "../likes.js";
import { TASTE } from "../queries.js";
import { link } from "../router.js";

export async function myListPage() {
  const liked = likedFilms();
  if (!liked.length) {
    const content = h(
      "div",
      { class: "my-list" },
      h("h1", {}, "My list"),
      status("Like films (♡ on a film's page) and recommendations for your taste will appear here."),
    );
    return { title: "My list", content };
  }
  const disliked = dislikedIds();
  const data = await graphql(TASTE, { liked: liked.map((film) => film.id), disliked });
  const content = h(
    "div",
    { class: "my-list" },
    h("h1", {}, "My list"),
    h(
      "ul",
      { class: "liked" },
      liked.map((film) => h("li", {}, h("a", { href: link("movie", film.id) }, film.title), ` (${film.releaseYear})`)),
    ),
    disliked.length
      ? h(
          "p",
          { class: "meta" },
          `${count(disliked.length, "film")} marked “not for me” keep similar films down. `,
          h("button", { type: "button", class: "link", onclick: forgetDislikes }, "Forget them"),
        )
      : null,
    section(
      "Recommended for you",
      data.recommendationsFor.length
        ? h(
            "div",
            { class: "grid recommendations" },
            data.recommendationsFor.map((entry) =>
              movieCard(
                entry.movie,
                h("p", { class: "because" }, "Because you liked ", titles(entry.because)),
                h("p", { class: "score" }, `Match ${formatNumber(entry.score, 2)}`),
                reasonList(entry.reasons, entry.score),
                h(
                  "p",
                  { class: "actions" },
                  likeButton(entry.movie),
                  " ",
                  h("button", { type: "button", class: "link", onclick: () => dislike(entry.movie) }, "Not for me"),
                ),
              ),
            ),
          )
        : status("Nothing to recommend yet: like a few more films."),
    ),
  );
  return { title: "My list", content };
}

function titles(films) {
  return films.flatMap((film, index) => [index ? ", " : "", h("a", { href: link("movie", film.id) }, film.title)]);
}
