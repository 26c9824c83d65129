import type { DiffLine, SectionDiff } from "@/lib/postmortems/revisions/diff";

const presenceNote: Record<SectionDiff["presence"], string> = { kept: "", added: "section added", removed: "section removed" };

function Line({ line }: { line: DiffLine }) {
  if (line.kind === "collapsed") {
    return (
      <div className="px-2 text-slate-500" data-testid="diff-collapsed">
        … {line.count === 1 ? "1 unchanged line" : `${line.count} unchanged lines`}
      </div>
    );
  }
  if (line.kind === "added") {
    return (
      <div className="bg-emerald-50 px-2 text-emerald-900" data-testid="diff-added">
        <span aria-label="added">+</span> {line.text}
      </div>
    );
  }
  if (line.kind === "removed") {
    return (
      <div className="bg-red-50 px-2 text-red-900" data-testid="diff-removed">
        <span aria-label="removed">−</span> {line.text}
      </div>
    );
  }
  return <div className="px-2 text-slate-700">{"  "}{line.text}</div>;
}

/** Two revisions' differences, section by section. */
export function RevisionDiffView({ diffs }: { diffs: SectionDiff[] }) {
  const anyChange = diffs.some((diff) => diff.changed);
  return (
    <div className="grid gap-4" data-testid="revision-diff">
      {!anyChange && <p className="text-sm text-slate-600">These revisions have the same text.</p>}
      {diffs.map((diff) => (
        <section key={`${diff.presence}:${diff.heading}`} aria-label={diff.heading}>
          <h3 className="text-sm font-semibold">
            {diff.heading}
            {diff.presence !== "kept" && <span className="ml-2 text-xs font-normal text-slate-600">({presenceNote[diff.presence]})</span>}
          </h3>
          {diff.changed ? (
            <div className="mt-1 overflow-x-auto rounded-md border border-slate-200 py-1 font-mono text-xs leading-5 whitespace-pre-wrap [overflow-wrap:anywhere]">
              {diff.lines.length === 0 ? <div className="px-2 text-slate-500">(empty)</div> : diff.lines.map((line, index) => <Line key={index} line={line} />)}
            </div>
          ) : (
            <p className="mt-1 text-xs text-slate-600">No changes.</p>
          )}
        </section>
      ))}
    </div>
  );
}
