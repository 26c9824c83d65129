// How paging's stored values read in a sentence.

/** "acknowledged … via SMS reply": Incident.acknowledgedVia and Page.acknowledgedVia. */
export const ackViaLabel: Record<string, string> = {
  app: "in the app",
  sms: "via SMS reply",
  email: "via the email link",
};

export const viaPhrase = (via: string | null | undefined) => (via ? (ackViaLabel[via] ?? `via ${via}`) : "");

export const channelLabel: Record<string, string> = { sms: "SMS", email: "Email" };

export const pageKindLabel: Record<string, string> = {
  incident: "Incident",
  update: "Update",
  resolution: "Resolution",
  confirmation: "Confirmation",
  approval: "Approval request",
  postmortem: "Post-mortem",
};
