// The search box: films completing what is typed (autocomplete), chosen with the mouse or the arrow keys.

import { graphql } from "./api.js";
import { h } from "./dom.js";
import { COMPLETE } from "./queries.js";
import { link } from "./router.js";

const PAUSE_MS = 120; // typing faster than this sends one request

export function setUpSearch(form) {
  const input = form.querySelector("input");
  const list = form.querySelector("[role=listbox]");
  let timer = 0;
  let latest = "";
  let active = -1;

  const options = () => [...list.querySelectorAll("[role=option]")];
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index) => {
    const all = options();
    active = all.length ? (index + all.length) % all.length : -1;
    all.forEach((option, position) => option.setAttribute("aria-selected", String(position === active)));
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", all[active].id);
    }
  };
  const show = (films) => {
    list.replaceChildren(
      ...films.map((film, index) =>
        h(
          "li",
          { role: "option", id: `completion-${index}`, "aria-selected": "false", "data-href": link("movie", film.id) },
          h("span", { class: "title" }, film.title),
          h("span", { class: "year" }, String(film.releaseYear)),
        ),
      ),
    );
    list.hidden = films.length === 0;
    input.setAttribute("aria-expanded", String(films.length > 0));
    active = -1;
  };
  const go = (href, keepText = false) => {
    close();
    input.blur();
    if (!keepText) {
      input.value = "";
    }
    location.hash = href;
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const prefix = input.value.trim();
    latest = prefix;
    if (!/[\p{L}\p{N}]/u.test(prefix)) {
      close();
      return;
    }
    timer = setTimeout(async () => {
      try {
        const data = await graphql(COMPLETE, { prefix });
        if (prefix === latest) {
          show(data.autocomplete);
        }
      } catch {
        close();
      }
    }, PAUSE_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      go(options()[active].dataset.href);
    }
  });
  list.addEventListener("mousedown", (event) => event.preventDefault()); // keep the focus in the box
  list.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) {
      go(option.dataset.href);
    }
  });
  input.addEventListener("blur", close);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (query) {
      go(link("search", undefined, new URLSearchParams({ query })), true);
    }
  });
}
