// The graphql-http server audit against a running service: `node audit.mjs URL` prints one JSON
// array, a row per audit: its id, its name (starting MUST, SHOULD or MAY), its status (`ok`; a failed
// MUST is `error`, a failed SHOULD `warn`, a failed MAY `notice`) and the reason it failed.
//
// The audits run one after another, not all at once as `auditServer` runs them: most send a query
// text the service has never seen, and a process refuses more than 8 new texts waiting at once
// (503, "busy"), a load limit the audit is not about.
import { serverAudits } from "graphql-http";

const url = process.argv[2];
if (!url) {
  console.error("usage: node audit.mjs URL");
  process.exit(2);
}
const rows = [];
for (const audit of serverAudits({ url })) {
  const { id, name, status, reason } = await audit.fn();
  rows.push({ id, name, status, reason: reason ?? null });
}
console.log(JSON.stringify(rows));
