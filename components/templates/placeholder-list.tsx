import { PLACEHOLDERS, type PlaceholderName } from "@/lib/templates/placeholders";

/** The placeholders a template may use; with `onInsert`, each one is a button that puts it in the text. */
export function PlaceholderList({ onInsert }: { onInsert?: (name: PlaceholderName) => void }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700">Placeholders{onInsert && " (click one to insert it)"}</summary>
      <ul className="mt-2 grid gap-1">
        {PLACEHOLDERS.map((placeholder) => (
          <li key={placeholder.name} className="flex flex-wrap items-baseline gap-x-2">
            {onInsert ? (
              <button type="button" className="rounded bg-slate-100 px-1.5 font-mono text-xs hover:bg-slate-200" onClick={() => onInsert(placeholder.name)}>
                {`{{${placeholder.name}}}`}
              </button>
            ) : (
              <code className="font-mono text-xs">{`{{${placeholder.name}}}`}</code>
            )}
            <span className="text-xs text-slate-600">{placeholder.description}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
