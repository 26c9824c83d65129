import type { EscalationSummary, PagingAcknowledgement } from "@/lib/paging/queries";
import { viaPhrase } from "@/lib/incidents/events";
import { Timestamp } from "@/components/ui/timestamp";

/** The escalation whose next step comes first: what happens next if nobody acknowledges. */
function nextStep(escalations: EscalationSummary[]) {
  return escalations
    .filter((escalation): escalation is EscalationSummary & { nextStepAt: string } => escalation.status === "active" && escalation.nextStepAt !== null)
    .sort((a, b) => a.nextStepAt.localeCompare(b.nextStepAt))[0];
}

function sentence(acknowledgement: PagingAcknowledgement | null, escalations: EscalationSummary[]): React.ReactNode {
  if (acknowledgement) {
    const by = acknowledgement.by ? ` by ${acknowledgement.by}` : "";
    const via = viaPhrase(acknowledgement.via);
    return (
      <>
        Acknowledged{by}
        {via ? ` ${via}` : ""} at <Timestamp iso={acknowledgement.at} />
      </>
    );
  }
  const next = nextStep(escalations);
  if (next) {
    return (
      <>
        Not acknowledged — escalation running: next step {next.nextStep} of {next.stepCount} ({next.label}) at <Timestamp iso={next.nextStepAt} />
      </>
    );
  }
  return escalations.length > 0 ? "Not acknowledged — every escalation has paged its last step." : "Not acknowledged — nobody has been paged.";
}

export function AcknowledgementLine({ acknowledgement, escalations }: { acknowledgement: PagingAcknowledgement | null; escalations: EscalationSummary[] }) {
  return (
    <p
      data-testid="paging-acknowledgement"
      data-state={acknowledgement ? "acknowledged" : "unacknowledged"}
      className={`text-sm font-medium ${acknowledgement ? "text-emerald-800" : "text-amber-800"}`}
    >
      {sentence(acknowledgement, escalations)}
    </p>
  );
}
