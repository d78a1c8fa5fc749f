// Pages are addressed by the URL's fragment: #/, #/search?query=..., #/movie/862, #/person/31, #/my-list.

export function currentRoute() {
  const [path, search = ""] = location.hash.replace(/^#/, "").split("?");
  const [name = "browse", id] = path.split("/").filter(Boolean);
  return { name, id, params: new URLSearchParams(search) };
}

export function link(name, id, params) {
  const query = params && [...params].length ? `?${params}` : "";
  return `#/${name}${id === undefined ? "" : `/${id}`}${query}`;
}
