// One query through Apollo Client with PersistedQueryLink sending hashed queries over GET, twice
// (two clients, so the second is not answered from the first one's cache). `node apollo_apq.mjs URL`
// prints one JSON object: each client's data, and every HTTP exchange the clients made.
import { createHash } from "node:crypto";
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";

const url = process.argv[2];
if (!url) {
  console.error("usage: node apollo_apq.mjs URL");
  process.exit(2);
}

const QUERY = gql`
  query Score($title: String!) {
    titleScore(title: $title) {
      message
      matches { title movie { id } }
    }
  }
`;

const exchanges = [];

async function recordingFetch(input, init = {}) {
  const response = await fetch(input, init);
  exchanges.push({
    method: init.method ?? "GET",
    url: String(input),
    accept: new Headers(init.headers).get("accept"),
    status: response.status,
    contentType: response.headers.get("content-type"),
    cacheControl: response.headers.get("cache-control"),
    etag: response.headers.get("etag"),
  });
  return response;
}

function client() {
  const persisted = new PersistedQueryLink({
    sha256: (text) => createHash("sha256").update(text).digest("hex"),
    useGETForHashedQueries: true,
  });
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.from([persisted, new HttpLink({ uri: url, fetch: recordingFetch })]),
  });
}

const answers = [];
for (let index = 0; index < 2; index += 1) {
  const { data } = await client().query({ query: QUERY, variables: { title: "Toy Story" } });
  answers.push(data);
}
console.log(JSON.stringify({ answers, exchanges }));
