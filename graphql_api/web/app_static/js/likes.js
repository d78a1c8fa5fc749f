// "My list": the films liked, and those a user said are not for them, kept in this browser.

const KEY = "movies.myList";
const CHANGED = "mylistchange";

function read() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY));
    return { liked: stored?.liked ?? [], disliked: stored?.disliked ?? [] };
  } catch {
    return { liked: [], disliked: [] };
  }
}

function write(list) {
  localStorage.setItem(KEY, JSON.stringify(list));
  window.dispatchEvent(new Event(CHANGED));
}

export function likedFilms() {
  return read().liked;
}

export function dislikedIds() {
  return read().disliked.map((film) => film.id);
}

export function isLiked(id) {
  return read().liked.some((film) => film.id === id);
}

export function toggleLike(movie) {
  const list = read();
  const liked = isLiked(movie.id);
  list.liked = liked
    ? list.liked.filter((film) => film.id !== movie.id)
    : [...list.liked, { id: movie.id, title: movie.title, releaseYear: movie.releaseYear }];
  list.disliked = list.disliked.filter((film) => film.id !== movie.id);
  write(list);
  return !liked;
}

export function dislike(movie) {
  const list = read();
  list.liked = list.liked.filter((film) => film.id !== movie.id);
  list.disliked = [...list.disliked.filter((film) => film.id !== movie.id), { id: movie.id, title: movie.title }];
  write(list);
}

export function forgetDislikes() {
  write({ ...read(), disliked: [] });
}

export function onChange(listener) {
  window.addEventListener(CHANGED, listener);
}
