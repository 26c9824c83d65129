// The direction of imports inside lib/, bottom to top: a part may import parts of the layers below
// it, never above. Platform parts may also import one another (never in a cycle); domain parts of
// one layer do not. The README's "Architecture" section draws the same layers.

export interface Layer {
  name: string;
  parts: string[];
  /** Parts of this layer may import one another. */
  shared?: boolean;
}

export const LAYERS: Layer[] = [
  { name: "foundation", parts: ["env", "errors", "format", "net"], shared: true },
  { name: "database", parts: ["db"] },
  { name: "platform", parts: ["health", "live", "timeline", "audit", "jobs", "auth", "actions", "tokens", "http", "runtime"], shared: true },
  { name: "directory", parts: ["people", "templates", "users", "plan", "oncall"] },
  { name: "configuration as code", parts: ["config"] },
  { name: "incident lifecycle", parts: ["incidents"] },
  { name: "paging", parts: ["paging"] },
  { name: "incident command and recovery", parts: ["command", "runbooks"] },
  { name: "automation and records", parts: ["alerts", "backups", "drills", "settings"] },
  { name: "learning", parts: ["postmortems"] },
  { name: "demo and metrics", parts: ["demo", "metrics"] },
  { name: "the worker's task list", parts: ["worker"] },
];

export const layerOf = (part: string) => LAYERS.findIndex((layer) => layer.parts.includes(part));
