"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { saveSectionsAction } from "@/lib/postmortems/document/actions";
import { mergeSection } from "@/lib/postmortems/document/merge";
import type { SectionView } from "@/lib/postmortems/document/queries";
import type { SectionConflict } from "@/lib/postmortems/document/save";

// Each section keeps the text its person is editing (`local`) and the saved text that edit
// started from (`base`). A save sends both; the server merges against `base`.
export interface SectionDraft {
  base: string;
  local: string;
}

export type SaveState = { kind: "saved"; at: string | null } | { kind: "unsaved" } | { kind: "saving" } | { kind: "conflict" } | { kind: "error"; message: string };

const SAVE_AFTER_MS = 800;
const RETRY_AFTER_MS = 5_000;

const isDirty = (draft: SectionDraft) => draft.local !== draft.base;

/** Takes the server's text for a section unless its person has unsaved words in it. */
function adopt(draft: SectionDraft | undefined, saved: string): SectionDraft {
  if (!draft || !isDirty(draft) || draft.local === saved) return { base: saved, local: saved };
  return draft;
}

export function useAutosave(postmortemId: string, sections: SectionView[], editable: boolean) {
  const [drafts, setDrafts] = useState<Record<string, SectionDraft>>(() => Object.fromEntries(sections.map((section) => [section.id, { base: section.body, local: section.body }])));
  const [conflicts, setConflicts] = useState<Record<string, SectionConflict>>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: "saved", at: null });
  // The refs are the truth (a save reads them between renders); state mirrors them to render.
  const draftsRef = useRef(drafts);
  const conflictsRef = useRef(conflicts);
  const updateDrafts = useCallback((change: (current: Record<string, SectionDraft>) => Record<string, SectionDraft>) => {
    draftsRef.current = change(draftsRef.current);
    setDrafts(draftsRef.current);
  }, []);
  const updateConflicts = useCallback((next: Record<string, SectionConflict>) => {
    conflictsRef.current = next;
    setConflicts(next);
  }, []);
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef(false);
  const saveRef = useRef<() => Promise<void>>(async () => {});
  const schedule = useCallback((delayMs: number) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void saveRef.current(), delayMs);
  }, []);

  // Others' saves arrive through the live stream as a refetched post-mortem.
  useEffect(() => {
    updateDrafts((current) => Object.fromEntries(sections.map((section) => [section.id, adopt(current[section.id], section.body)])));
  }, [sections, updateDrafts]);

  const saveNow = useCallback(async () => {
    window.clearTimeout(timer.current);
    if (inFlight.current || !editable) return;
    const changes = Object.entries(draftsRef.current)
      .filter(([id, draft]) => isDirty(draft) && !conflictsRef.current[id])
      .map(([sectionId, draft]) => ({ sectionId, baseBody: draft.base, body: draft.local }));
    if (changes.length === 0) {
      setSaveState((state) => (Object.keys(conflictsRef.current).length > 0 ? { kind: "conflict" } : state.kind === "saving" ? { kind: "saved", at: null } : state));
      return;
    }
    inFlight.current = true;
    setSaveState({ kind: "saving" });
    const result = await saveSectionsAction(null, { postmortemId, changes }).catch(() => null);
    inFlight.current = false;
    if (!result || !result.ok) {
      setSaveState({ kind: "error", message: result?.error ?? "Firebreak could not be reached." });
      schedule(RETRY_AFTER_MS);
      return;
    }
    const outcome = result.data;
    if (outcome.status === "conflict") {
      updateConflicts({ ...conflictsRef.current, ...Object.fromEntries(outcome.conflicts.map((conflict) => [conflict.sectionId, conflict])) });
      setSaveState({ kind: "conflict" });
      // The other sections of that save were not written either: save them on their own.
      schedule(0);
      return;
    }
    updateDrafts((current) => {
      const next = { ...current };
      for (const saved of outcome.sections) {
        const sent = changes.find((change) => change.sectionId === saved.id)!.body;
        const draft = current[saved.id]!;
        if (saved.body === sent) next[saved.id] = { base: sent, local: draft.local };
        // The server merged others' words in. Untouched since: show the merge. Typed since: merge here too.
        else if (draft.local === sent) next[saved.id] = { base: saved.body, local: saved.body };
        else {
          const merged = mergeSection(sent, saved.body, draft.local);
          next[saved.id] = merged.clean ? { base: saved.body, local: merged.text } : { base: sent, local: draft.local };
        }
      }
      return next;
    });
    const stillDirty = Object.entries(draftsRef.current).some(([id, draft]) => isDirty(draft) && !conflictsRef.current[id]);
    if (stillDirty) schedule(SAVE_AFTER_MS);
    setSaveState(Object.keys(conflictsRef.current).length > 0 ? { kind: "conflict" } : stillDirty ? { kind: "unsaved" } : { kind: "saved", at: new Date().toISOString() });
  }, [editable, postmortemId, schedule, updateConflicts, updateDrafts]);

  useEffect(() => {
    saveRef.current = saveNow;
  }, [saveNow]);

  const edit = useCallback(
    (sectionId: string, text: string) => {
      updateDrafts((current) => ({ ...current, [sectionId]: { ...current[sectionId]!, local: text } }));
      setSaveState({ kind: "unsaved" });
      schedule(SAVE_AFTER_MS);
    },
    [schedule, updateDrafts],
  );

  /** The person's merge of a conflict: saved against the text that is saved now. */
  const resolveConflict = useCallback(
    (sectionId: string, merged: string) => {
      const conflict = conflictsRef.current[sectionId];
      if (!conflict) return;
      const rest = { ...conflictsRef.current };
      delete rest[sectionId];
      updateConflicts(rest);
      updateDrafts((current) => ({ ...current, [sectionId]: { base: conflict.theirs.body, local: merged } }));
      void saveNow();
    },
    [saveNow, updateConflicts, updateDrafts],
  );

  // Leaving with unsaved words asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (Object.values(draftsRef.current).some(isDirty)) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      window.clearTimeout(timer.current);
    };
  }, []);

  return { drafts, conflicts, saveState, edit, resolveConflict, saveNow };
}
