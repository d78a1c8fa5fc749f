// The app: the page named by the URL's fragment, drawn in <main>; the search box; the count of "my list".

import { setUpSearch } from "./complete.js";
import { h } from "./dom.js";
import { likedFilms, onChange } from "./likes.js";
import { browsePage } from "./pages/browse.js";
import { myListPage } from "./pages/mylist.js";
import { moviePage } from "./pages/movie.js";
import { personPage } from "./pages/person.js";
import { searchPage } from "./pages/search.js";
import { currentRoute } from "./router.js";

const PAGES = {
  browse: browsePage,
  search: searchPage,
  movie: moviePage,
  person: personPage,
  "my-list": myListPage,
};

const main = document.getElementById("page");
let shown = 0; // the latest page asked for: a slower earlier answer must not replace it

async function render() {
  const asked = ++shown;
  const route = currentRoute();
  const page = PAGES[route.name];
  main.setAttribute("aria-busy", "true");
  try {
    const view = page ? await page(route) : { title: "Not found", content: h("p", {}, "There is no such page.") };
    if (asked === shown) {
      document.title = `${view.title} · Movies`;
      main.replaceChildren(view.content);
      main.dataset.page = route.name;
    }
  } catch (error) {
    if (asked === shown) {
      main.replaceChildren(h("p", { class: "status error", role: "alert" }, `Something went wrong: ${error.message}`));
    }
  } finally {
    if (asked === shown) {
      main.removeAttribute("aria-busy");
      window.scrollTo(0, 0);
    }
  }
}

function showCount() {
  const count = likedFilms().length;
  document.getElementById("my-list-count").textContent = count ? String(count) : "";
}

setUpSearch(document.getElementById("search-form"));
window.addEventListener("hashchange", render);
onChange(() => {
  showCount();
  if (currentRoute().name === "my-list") {
    render(); // recommendations follow the list
  }
});
showCount();
render();
