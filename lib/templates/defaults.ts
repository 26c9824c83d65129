import type { TemplateChannel, TemplateKind, TemplateText } from "./kinds";

// The plan's notification.ts templates, as it words them, plus what a page needs to be acted on.
// SMS keeps to a few lines of the GSM-7 alphabet, so a typical page costs one or two parts.

const lines = (...text: string[]) => text.join("\n");

export const defaultTemplates: Record<TemplateKind, Record<TemplateChannel, TemplateText>> = {
  incident: {
    sms: {
      subject: null,
      body: lines(
        "Incident {{reference}} ({{severity}}): {{title}}",
        "System: {{system}}",
        "Impact: {{impact}}",
        "{{link}}",
        "Reply ACK {{ackCode}} to acknowledge",
      ),
    },
    email: {
      subject: "[{{severity}}] {{reference}} {{title}}",
      body: lines(
        "Incident Report",
        "Severity: {{severity}}",
        "Time: {{timestamp}}",
        "System: {{system}}",
        "Impact: {{impact}}",
        "Actions Taken: {{actions}}",
        "Status: {{status}}",
        "",
        "Incident: {{link}}",
        "Acknowledge: {{ackLink}}",
      ),
    },
  },
  update: {
    sms: {
      subject: null,
      body: lines("Update {{reference}} ({{severity}}): {{title}}", "Progress: {{progress}}", "Next: {{nextSteps}} ETA: {{eta}}", "{{link}}"),
    },
    email: {
      subject: "[{{severity}}] {{reference}} update: {{title}}",
      body: lines(
        "Incident Update",
        "Time: {{timestamp}}",
        "Progress: {{progress}}",
        "Next Steps: {{nextSteps}}",
        "ETA: {{eta}}",
        "",
        "Incident: {{link}}",
      ),
    },
  },
  resolution: {
    sms: {
      subject: null,
      body: lines("Resolved {{reference}} ({{severity}}): {{title}}", "Resolution: {{resolution}}", "{{link}}"),
    },
    email: {
      subject: "[{{severity}}] {{reference}} resolved: {{title}}",
      body: lines(
        "Incident Resolution",
        "Time: {{timestamp}}",
        "Resolution: {{resolution}}",
        "Prevention: {{prevention}}",
        "Follow-up: {{followup}}",
        "",
        "Incident: {{link}}",
      ),
    },
  },
};
