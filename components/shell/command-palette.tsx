"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { hasRole, type Role } from "@/lib/auth/roles";
import type { IncidentPage } from "@/lib/incidents/queries";
import { fetchJson } from "@/components/live/fetch-json";
import { navItems } from "./nav-items";

interface Command {
  label: string;
  hint: string;
  href: string;
}

const SHORTCUTS: [string, string][] = [
  ["Ctrl K / ⌘ K", "Open this palette: jump to an incident or a page, declare"],
  ["a", "On an incident: acknowledge"],
  ["n", "On an incident: write a note"],
  ["u", "On an incident: post a status update"],
  ["?", "List these shortcuts"],
];

/** Whether a key press belongs to a field being typed in, where shortcuts must not fire. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/** Runs an incident page's shortcut on its controls, if the page has them. */
function incidentShortcut(key: string): boolean {
  if (key === "a") {
    const button = document.querySelector<HTMLButtonElement>('[data-testid="acknowledge-form"] button[type="submit"]');
    button?.click();
    return Boolean(button);
  }
  if (key === "n") {
    const note = document.querySelector<HTMLTextAreaElement>('[data-testid="note-form"] textarea');
    note?.focus();
    return Boolean(note);
  }
  if (key === "u") {
    const update = document.querySelector<HTMLDetailsElement>('[data-testid="status-update"]');
    if (!update) return false;
    update.open = true;
    update.querySelector<HTMLTextAreaElement>("textarea")?.focus();
    return true;
  }
  return false;
}

/**
 * Ctrl/Cmd+K: jump to an incident by reference or title, to any page, or declare; the incident
 * page's one-key shortcuts; `?` lists them all. A native dialog, so focus is trapped and Escape
 * closes it.
 */
export function CommandPalette({ role }: { role: Role }) {
  const router = useRouter();
  const palette = useRef<HTMLDialogElement>(null);
  const help = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setQuery("");
        setActive(0);
        palette.current?.showModal();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || palette.current?.open || help.current?.open) return;
      if (event.key === "?") {
        event.preventDefault();
        help.current?.showModal();
      } else if (incidentShortcut(event.key)) {
        event.preventDefault();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const search = query.trim();
  const { data: found } = useQuery({
    queryKey: ["palette", search],
    queryFn: () => fetchJson<IncidentPage>(`/api/incidents?q=${encodeURIComponent(search)}`),
    enabled: search.length > 0,
    staleTime: 0,
  });
  const pages: Command[] = [
    ...(hasRole(role, "commander") ? [{ label: "Declare an incident", hint: "new", href: "/incidents/new" }] : []),
    ...navItems.filter((item) => !("minRole" in item) || hasRole(role, item.minRole)).map((item) => ({ label: item.label, hint: "page", href: item.href })),
  ];
  const lowered = search.toLowerCase();
  const commands: Command[] = [
    ...(search ? (found?.items ?? []).slice(0, 8).map((incident) => ({ label: `${incident.reference} · ${incident.title}`, hint: `${incident.severity} · ${incident.status}`, href: `/incidents/${incident.reference}` })) : []),
    ...pages.filter((command) => command.label.toLowerCase().includes(lowered)),
  ];
  const go = (command: Command | undefined) => {
    if (!command) return;
    palette.current?.close();
    router.push(command.href);
  };

  return (
    <>
      <dialog ref={palette} aria-label="Go to" className="m-auto mt-[10vh] w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40" data-testid="command-palette">
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            go(commands[active]);
          }}
        >
          <label htmlFor={`${listId}-input`} className="sr-only">
            Go to an incident or a page
          </label>
          <input
            id={`${listId}-input`}
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={commands[active] ? `${listId}-${active}` : undefined}
            autoComplete="off"
            value={query}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
              setActive(0);
            }}
            onKeyDown={(event) => {
              if (event.key === "ArrowDown") setActive((index) => Math.min(index + 1, commands.length - 1));
              else if (event.key === "ArrowUp") setActive((index) => Math.max(index - 1, 0));
              else return;
              event.preventDefault();
            }}
            placeholder="INC-42, a title, or a page…"
            className="w-full rounded-t-lg border-b border-slate-200 bg-white px-4 py-3 text-base outline-none"
          />
        </form>
        <ul id={listId} role="listbox" aria-label="Results" className="max-h-80 overflow-y-auto p-1">
          {commands.length === 0 && <li className="px-3 py-2 text-sm text-slate-600">Nothing matches.</li>}
          {commands.map((command, index) => (
            <li
              key={command.href}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseEnter={() => setActive(index)}
              onClick={() => go(command)}
              className={`flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-3 py-2 text-sm ${index === active ? "bg-slate-100" : ""}`}
              data-testid="palette-result"
            >
              <span className="min-w-0 truncate">{command.label}</span>
              <span className="shrink-0 text-xs text-slate-600">{command.hint}</span>
            </li>
          ))}
        </ul>
      </dialog>
      <dialog ref={help} aria-label="Keyboard shortcuts" className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-4 text-slate-900 shadow-xl backdrop:bg-slate-900/40" data-testid="shortcuts">
        <h2 className="mb-3 text-base font-semibold">Keyboard shortcuts</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 px-1.5 py-0.5 font-mono text-xs">{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog" className="mt-4 text-right">
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
