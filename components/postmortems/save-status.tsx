import { Timestamp } from "@/components/ui/timestamp";
import type { SaveState } from "./use-autosave";

const tone: Record<SaveState["kind"], string> = {
  saved: "text-emerald-700",
  unsaved: "text-slate-600",
  saving: "text-slate-600",
  conflict: "text-amber-800",
  error: "text-red-700",
};

function text(state: SaveState): React.ReactNode {
  switch (state.kind) {
    case "saved":
      return state.at ? <>All changes saved · <Timestamp iso={state.at} /></> : "All changes saved";
    case "unsaved":
      return "Unsaved changes…";
    case "saving":
      return "Saving…";
    case "conflict":
      return "Someone else changed the same lines: merge below";
    case "error":
      return `Not saved: ${state.message} Retrying…`;
  }
}

/** Where autosave stands, read out when it changes. */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <p role="status" aria-live="polite" data-testid="save-status" data-state={state.kind} className={`text-sm ${tone[state.kind]}`}>
      {text(state)}
    </p>
  );
}
