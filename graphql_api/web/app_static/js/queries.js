// The queries the app sends. A film card's fields are shared by every list of films.

const CARD = `fragment Card on Movie { id title releaseYear voteAverage voteCount genres { name } }`;
const REASONS = `reasons { feature contribution detail }`;

export const COMPLETE = `query Complete($prefix: String!) {
  autocomplete(prefix: $prefix, first: 8) { id title releaseYear }
}`;

export const SEARCH = `query Search($query: String!) {
  movies: searchMovies(query: $query, first: 24) { totalCount nodes { ...Card } }
  people: searchPeople(query: $query, first: 12) {
    totalCount nodes { id name acting { filmCount } directing { filmCount } }
  }
} ${CARD}`;

export const BROWSE = `query Browse($filter: MovieFilter, $orderBy: MovieOrder, $direction: OrderDirection, $after: String) {
  searchMovies(filter: $filter, orderBy: $orderBy, orderDirection: $direction, first: 24, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { ...Card }
    facets { genres { name count } decades { decade count } }
  }
  genres { name }
  originalLanguages
} ${CARD}`;

export const MOVIE = `query Movie($id: Int!) {
  movie(id: $id) {
    id title tagline overview releaseDate releaseYear runtime originalLanguage status
    voteAverage voteCount popularity budget revenue return
    collection { id name }
    genres { name }
    directors { id name }
    cast(first: 12) { totalCount nodes { character person { id name } } }
    similar(first: 8) { score movie { ...Card } ${REASONS} }
  }
} ${CARD}`;

export const PERSON = `query Person($id: Int!) {
  person(id: $id) {
    id name
    acting { filmCount totalReturn averageReturn }
    directing { filmCount totalReturn averageReturn }
    castCredits(first: 100) { totalCount nodes { character movie { ...Card } } }
    crewCredits(first: 100) { totalCount nodes { job movie { ...Card } } }
  }
} ${CARD}`;

export const TASTE = `query Taste($liked: [Int!]!, $disliked: [Int!]) {
  recommendationsFor(liked: $liked, disliked: $disliked, first: 12) {
    score movie { ...Card } because { id title } ${REASONS}
  }
} ${CARD}`;
