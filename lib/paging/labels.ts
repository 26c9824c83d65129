// How paging's stored values read in a sentence.

export const channelLabel: Record<string, string> = { sms: "SMS", email: "Email" };

export const pageKindLabel: Record<string, string> = {
  incident: "Incident",
  update: "Update",
  resolution: "Resolution",
  confirmation: "Confirmation",
  approval: "Approval request",
  postmortem: "Post-mortem",
};
