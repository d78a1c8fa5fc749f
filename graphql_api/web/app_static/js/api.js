// GraphQL over GET (/graphql?query=...&variables=...), so that the browser and any cache on the way keep answers.

export class ApiError extends Error {}

export async function graphql(query, variables = {}) {
  const parameters = new URLSearchParams({ query: query.replace(/\s+/g, " ").trim() });
  const given = Object.fromEntries(Object.entries(variables).filter(([, value]) => value !== undefined));
  if (Object.keys(given).length > 0) {
    parameters.set("variables", JSON.stringify(given));
  }
  const response = await fetch(`/graphql?${parameters}`, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status}` }] }));
  if (body.errors?.length) {
    throw new ApiError(body.errors.map((error) => error.message).join("; "));
  }
  return body.data;
}
