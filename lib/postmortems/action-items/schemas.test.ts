import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/errors";
import { createActionItemSchema, setActionItemStatusSchema, updateActionItemSchema } from "./schemas";

// What the forms send: every value a string, "" for an empty owner or due date.
const postmortemId = "0b9a4f5e-2a8f-4d7e-9c1b-3f2e1d0c9b8a";
const id = "6f1e2d3c-4b5a-4968-8776-655443322110";

describe("action item form input", () => {
  it("reads an empty owner or due date as none, and trims the title", () => {
    const form = { postmortemId, title: "  Alert on relayer lag ", ownerId: "", priority: "high", kind: "process_update", dueOn: "" };
    expect(createActionItemSchema.parse(form)).toEqual({ postmortemId, title: "Alert on relayer lag", ownerId: null, priority: "high", kind: "process_update", dueOn: null });
    expect(updateActionItemSchema.parse({ id, ...form, dueOn: "2026-04-01" })).toMatchObject({ id, ownerId: null, dueOn: "2026-04-01" });
  });

  it("leaves out of an update what the form did not send", () => {
    expect(updateActionItemSchema.parse({ id, status: "done" })).toEqual({ id, status: "done" });
  });

  it("names the field and the rule", () => {
    const errors = (result: z.ZodSafeParseResult<unknown>) => (result.success ? {} : fieldErrorsOf(result.error));
    expect(errors(createActionItemSchema.safeParse({ postmortemId: "x", priority: "" }))).toEqual({
      title: ["Title is required"],
      priority: ["Priority must be high, medium or low"],
      kind: ["Kind must be a short-term fix, a long-term improvement or a process update"],
      postmortemId: ["Post-mortem must be an existing post-mortem"],
    });
    expect(errors(setActionItemStatusSchema.safeParse({ id: "", status: "closed" }))).toEqual({
      id: ["Action item must be an existing action item"],
      status: ["Status must be open, in progress, done or won't do"],
    });
  });
});
