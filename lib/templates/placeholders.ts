// The placeholders a notification template may use: the plan's twelve, then what a page needs
// to be acted on (which incident, where to look, how to acknowledge).
export const PLACEHOLDERS = [
  { name: "severity", description: "The incident's severity: critical, high, medium or low" },
  { name: "timestamp", description: "When the notification is sent, in UTC" },
  { name: "system", description: "The affected systems, comma-separated" },
  { name: "impact", description: "The impact stated when the incident was declared" },
  { name: "actions", description: "The latest status update's progress, else the incident's description" },
  { name: "status", description: "The incident's status: declared, acknowledged, mitigated, resolved or closed" },
  { name: "progress", description: "The status update's progress" },
  { name: "nextSteps", description: "The status update's next steps" },
  { name: "eta", description: "The status update's estimated time to recovery" },
  { name: "resolution", description: "How the incident was resolved" },
  { name: "prevention", description: "What will stop it happening again" },
  { name: "followup", description: "The follow-up work after resolution" },
  { name: "reference", description: "The incident's reference, e.g. INC-42" },
  { name: "title", description: "The incident's title" },
  { name: "link", description: "The incident's page in Firebreak" },
  { name: "ackCode", description: 'The code a person replies with to acknowledge: "ACK <code>"' },
  { name: "ackLink", description: "The signed, one-time link that acknowledges from an email" },
] as const satisfies readonly { name: string; description: string }[];

export type PlaceholderName = (typeof PLACEHOLDERS)[number]["name"];
export type PlaceholderValues = Record<PlaceholderName, string>;
