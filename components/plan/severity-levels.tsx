import { formatDuration } from "@/lib/config/duration";

const tone: Record<string, string> = {
  critical: "bg-red-100 text-red-800",
  high: "bg-orange-100 text-orange-800",
  medium: "bg-amber-100 text-amber-800",
  low: "bg-slate-100 text-slate-700",
};

interface Level {
  id: string;
  key: string;
  description: string;
  responseTimeSeconds: number;
  notification: string;
}

export function SeverityBadge({ level }: { level: string }) {
  return (
    <span data-testid="severity-badge" className={`rounded px-2 py-0.5 text-xs font-semibold uppercase ${tone[level] ?? tone.low}`}>
      {level}
    </span>
  );
}

export function SeverityLevels({ levels }: { levels: Level[] }) {
  if (levels.length === 0) return <p className="text-sm text-slate-600">No severity levels: import config/incident-levels.yml.</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="severity-levels">
      {levels.map((level) => (
        <li key={level.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:gap-4">
          <div className="w-24 shrink-0">
            <SeverityBadge level={level.key} />
          </div>
          <p className="flex-1 text-sm">{level.description}</p>
          <p className="text-sm text-slate-600">
            Acknowledge within <strong className="text-slate-900">{formatDuration(level.responseTimeSeconds)}</strong> · {level.notification}
          </p>
        </li>
      ))}
    </ul>
  );
}
