import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AuthorizationError, requireRole, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";

import { DomainError, fieldErrorsOf, nulCharacterErrors, type FieldErrors } from "@/lib/errors";

export type { FieldErrors };

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: FieldErrors };

export interface ActionDefinition<S extends z.ZodType, T> {
  /** Names the action in logs. */
  name: string;
  /** The least role allowed to run it. There is no default: every action names one. */
  role: Role;
  input: S;
  run(input: z.output<S>, context: { user: SessionUser }): Promise<T>;
  /** Shown when the action succeeds. */
  message?: string | ((data: T) => string);
}

// Checkboxes and multi-selects send one key several times; everything else once.
function formDataToObject(form: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key);
    object[key] = values.length > 1 ? values : values[0];
  }
  return object;
}

/**
 * Wraps a server action: role first (deny by default), then zod validation, then the work.
 * Usable with `useActionState` (previous state, form data) or called with a plain object.
 */
export function defineAction<S extends z.ZodType, T>(definition: ActionDefinition<S, T>) {
  return async function action(_previous: ActionResult<T> | null, input: FormData | z.input<S>): Promise<ActionResult<T>> {
    try {
      const user = await requireRole(definition.role);
      const raw = input instanceof FormData ? formDataToObject(input) : input;
      const nul = nulCharacterErrors(raw);
      if (Object.keys(nul).length > 0) return { ok: false, error: "Some fields need attention.", fieldErrors: nul };
      const parsed = definition.input.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      const data = await definition.run(parsed.data, { user });
      const message = typeof definition.message === "function" ? definition.message(data) : definition.message;
      return { ok: true, data, message };
    } catch (error) {
      // A redirect (or another of Next.js's own control-flow signals) from the action goes on to Next.js.
      unstable_rethrow(error);
      if (error instanceof AuthorizationError) return { ok: false, error: error.message };
      if (error instanceof DomainError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
      console.error(`[action ${definition.name}]`, error);
      return { ok: false, error: "Something went wrong. The change was not saved; try again." };
    }
  };
}
