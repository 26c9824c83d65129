import type { EscalationPolicy, EscalationTarget } from "@/lib/people/escalation-policy";

export interface PolicyContact {
  id: string;
  name: string;
}

function targetLabel(target: EscalationTarget, contacts: Map<string, string>): string {
  if (target.type === "team_lead") return "team lead";
  if (target.type === "team_members") return "all members";
  return contacts.get(target.contactId) ?? "a contact who no longer exists";
}

const minutes = (count: number) => `${count} minute${count === 1 ? "" : "s"}`;

// Each step waits from the one before it; the first from the declaration.
function delayLabel(afterMinutes: number, index: number): string {
  if (index === 0) return afterMinutes === 0 ? "At once" : `After ${minutes(afterMinutes)}`;
  return afterMinutes === 0 ? `With step ${index}` : `${minutes(afterMinutes)} later`;
}

function repeatLabel(repeatCount: number): string {
  if (repeatCount === 0) return "Not repeated.";
  return `Repeated ${repeatCount} more time${repeatCount === 1 ? "" : "s"} while nobody acknowledges.`;
}

/** A policy read aloud: who is paged at each step, and when. */
export function PolicySummary({ policy, contacts }: { policy: EscalationPolicy | null; contacts: PolicyContact[] }) {
  if (!policy) return <p className="text-sm text-slate-600">No escalation policy yet.</p>;
  const names = new Map(contacts.map((contact) => [contact.id, contact.name]));
  return (
    <div className="text-sm" data-testid="policy-summary">
      <ol className="list-decimal space-y-1 pl-5">
        {policy.steps.map((step, index) => (
          <li key={index} data-testid="policy-step">
            {delayLabel(step.afterMinutes, index)}: {step.targets.map((target) => targetLabel(target, names)).join(", ")}
          </li>
        ))}
      </ol>
      <p className="mt-2 text-slate-600">{repeatLabel(policy.repeatCount)}</p>
    </div>
  );
}
