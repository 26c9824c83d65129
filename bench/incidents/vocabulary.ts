// Words for the bench's synthetic incidents: a small set of titles, each tied to the plan
// system it usually hits and one it sometimes touches, so filters and search find something.

export interface IncidentKind {
  title: string;
  system: string;
  alsoAffects: string;
  impact: string;
  resolution: string;
}

export const incidentKinds: IncidentKind[] = [
  { title: "Bridge relayer stalled", system: "bridge", alsoAffects: "blockchain-nodes", impact: "Cross-chain transfers are pending; funds are safe but delayed.", resolution: "Refilled the relayer gas wallet and restarted it." },
  { title: "Bridge withdrawals delayed", system: "bridge", alsoAffects: "monitoring", impact: "Users wait for withdrawals; support tickets are rising.", resolution: "Raised the gas price strategy during a fee spike." },
  { title: "Bridge oracle price feed stale", system: "bridge", alsoAffects: "defi-protocols", impact: "New transfers paused when the feed missed its heartbeat.", resolution: "Switched to the secondary oracle provider." },
  { title: "Validator stopped producing blocks", system: "blockchain-nodes", alsoAffects: "monitoring", impact: "Block production halted on one validator.", resolution: "Cleared a corrupted peer store and restarted the client." },
  { title: "RPC node latency above 2 s", system: "blockchain-nodes", alsoAffects: "monitoring", impact: "Public RPC requests time out for wallets and dApps.", resolution: "Moved traffic off the node and pruned its state." },
  { title: "Archive node sync lagging", system: "blockchain-nodes", alsoAffects: "bridge", impact: "Historical queries return stale data.", resolution: "Replaced the failing volume and resynced from a snapshot." },
  { title: "Chain reorganisation observed", system: "blockchain-nodes", alsoAffects: "bridge", impact: "Partners paused deposits pending confirmations.", resolution: "Resynced NTP on two drifting validators." },
  { title: "Privacy Manager API returning 5xx", system: "privacy-manager", alsoAffects: "blockchain-nodes", impact: "Private transactions cannot be submitted.", resolution: "Rolled back the release that exhausted the pool." },
  { title: "Privacy Manager key rotation failed", system: "privacy-manager", alsoAffects: "monitoring", impact: "Keys are past their rotation date; no user impact yet.", resolution: "Renewed the expired credential and re-ran rotation." },
  { title: "Private transaction queue backlog", system: "privacy-manager", alsoAffects: "blockchain-nodes", impact: "Private transactions are delayed by minutes.", resolution: "Cleared a stuck lock and scaled out the workers." },
  { title: "Lending pool liquidations failing", system: "defi-protocols", alsoAffects: "bridge", impact: "Under-collateralised positions are not liquidated.", resolution: "Fixed the bot's handling of the oracle decimals." },
  { title: "DEX pool price deviates from oracle", system: "defi-protocols", alsoAffects: "bridge", impact: "Swaps execute at poor prices.", resolution: "Paused, rebalanced and resumed the pool." },
  { title: "Yield vault harvest reverting", system: "defi-protocols", alsoAffects: "blockchain-nodes", impact: "Vault yields are not compounding.", resolution: "Raised the slippage tolerance for the strategy." },
  { title: "Prometheus scrape failures", system: "monitoring", alsoAffects: "blockchain-nodes", impact: "Blind spots in node metrics.", resolution: "Rotated the expired scrape credentials." },
  { title: "Alertmanager notifications delayed", system: "monitoring", alsoAffects: "privacy-manager", impact: "Pages arrive late.", resolution: "Moved paging from the throttled SMTP relay to webhooks." },
  { title: "Log ingestion lagging", system: "monitoring", alsoAffects: "privacy-manager", impact: "Recent logs are not searchable.", resolution: "Added ingest capacity and dropped a noisy stream." },
];

export const progressLines = [
  "Impact confirmed and scoped.",
  "Likely cause found in the logs; preparing the fix.",
  "Fix applied to one instance; error rates falling.",
  "Workaround in place; watching for recurrence.",
];

export const nextStepLines = ["Confirm the cause from logs and metrics.", "Roll the fix out to the remaining instances.", "Verify recovery with the owning team."];

export const noteLines = [
  "Support informed; status page updated.",
  "Ticket opened with the infrastructure provider.",
  "Snapshot taken before the change, for the post-mortem.",
  "Security reviewed the logs: no sign of compromise.",
];
