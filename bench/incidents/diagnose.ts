import { parseIncidentFilters } from "@/lib/incidents/filters";
import { getIncident, listIncidents } from "@/lib/incidents/queries";
import { explainQueries, type ExplainedQuery } from "../support/explain";
import { formatMs } from "../support/latency";

const SHOWN_MS = 1;

function report(title: string, queries: ExplainedQuery[]) {
  const total = queries.reduce((sum, query) => sum + query.executionMs, 0);
  console.log(`  ${title}: ${queries.length} statements, ${formatMs(total)} ms of execution in PostgreSQL`);
  for (const query of queries.filter((q) => q.executionMs >= SHOWN_MS)) {
    console.log(`    ${formatMs(query.executionMs).padStart(7)} ms  ${query.sql.slice(0, 150)}${query.sql.length > 150 ? "…" : ""}`);
  }
}

/** Where the database time of a missed target goes: each statement the read model sends, EXPLAIN ANALYZEd. */
export async function diagnoseList(url: string, searches: string[]) {
  let slowest: ExplainedQuery | undefined;
  for (const search of searches) {
    const filters = parseIncidentFilters(new URLSearchParams(search));
    const queries = await explainQueries(url, (db) => listIncidents(db, filters));
    report(`listIncidents /incidents${search}`, queries);
    if (queries[0] && (!slowest || queries[0].executionMs > slowest.executionMs)) slowest = queries[0];
  }
  if (slowest) console.log(`  slowest statement's plan:\n    ${slowest.sql}\n${slowest.plan.replace(/^/gm, "    ")}`);
}

export async function diagnoseIncident(url: string, id: string) {
  report(`getIncident ${id}`, await explainQueries(url, (db) => getIncident(db, id)));
}
