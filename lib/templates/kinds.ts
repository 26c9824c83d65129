// The plan's three templates, each sent on two channels.
export const TEMPLATE_KINDS = ["incident", "update", "resolution"] as const;
export const TEMPLATE_CHANNELS = ["sms", "email"] as const;

export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

export const templateKindLabel: Record<TemplateKind, string> = {
  incident: "Incident (sent on declaration)",
  update: "Update (sent with each status update)",
  resolution: "Resolution (sent on resolve)",
};

export const templateChannelLabel: Record<TemplateChannel, string> = { sms: "SMS", email: "Email" };

export interface TemplateText {
  /** Email only; null for SMS. */
  subject: string | null;
  body: string;
}
