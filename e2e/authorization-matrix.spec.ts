import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Role } from "@/lib/auth/roles";
import { test, expect } from "./fixtures";
import { builtActions } from "@/test/server-actions";
import { asUser } from "./support/auth";

// Every server action and every API route, called by every kind of caller, against what each may
// do. The list of actions comes from the build (the server-reference manifest: every action a page
// can call) and the list of routes from app/**/route.ts, so an action or a route added without an
// entry below fails here until someone decides who may call it.

/** The least role that may run each action; "anyone" for the public ones (they prove themselves otherwise). */
const ACTIONS: Record<string, Role | "anyone"> = {
  signInAction: "anyone",
  signOutAction: "anyone",
  acknowledgeByLinkAction: "anyone",
  changeOwnPasswordAction: "viewer",
  setTimeZoneAction: "viewer",
  acknowledgeIncidentAction: "responder",
  mitigateIncidentAction: "responder",
  addNoteAction: "responder",
  postStatusUpdateAction: "responder",
  cancelRunAction: "responder",
  previewRunAction: "responder",
  requestRunAction: "responder",
  launchDrillRunbookAction: "responder",
  recordDrillRunAction: "responder",
  replyFromOutboxAction: "responder",
  createPostmortemAction: "responder",
  saveSectionsAction: "responder",
  restoreRevisionAction: "responder",
  submitForReviewAction: "responder",
  setApprovalAction: "responder",
  createActionItemAction: "responder",
  updateActionItemAction: "responder",
  setActionItemStatusAction: "responder",
  declareIncidentAction: "commander",
  resolveIncidentAction: "commander",
  closeIncidentAction: "commander",
  reopenIncidentAction: "commander",
  changeSeverityAction: "commander",
  assignIncidentRoleAction: "commander",
  approveRunAction: "commander",
  rejectRunAction: "commander",
  setReviewersAction: "commander",
  publishPostmortemAction: "commander",
  reopenPostmortemAction: "commander",
  createUserAction: "admin",
  changeUserRoleAction: "admin",
  disableUserAction: "admin",
  enableUserAction: "admin",
  resetUserPasswordAction: "admin",
  createTokenAction: "admin",
  revokeTokenAction: "admin",
  createContactAction: "admin",
  updateContactAction: "admin",
  deleteContactAction: "admin",
  createTeamAction: "admin",
  renameTeamAction: "admin",
  deleteTeamAction: "admin",
  addTeamMemberAction: "admin",
  removeTeamMemberAction: "admin",
  setTeamLeadAction: "admin",
  saveEscalationPolicyAction: "admin",
  saveSeverityAudienceAction: "admin",
  saveTemplateAction: "admin",
  resetTemplateAction: "admin",
  savePostmortemTemplateAction: "admin",
  updateObjectivesAction: "admin",
  updateAlertMappingAction: "admin",
  updateStalenessSettingsAction: "admin",
};

/** How each route's caller proves itself. */
type RouteAuth = { session: Role } | { token: string } | { signature: "twilio" | "sendgrid" } | "public" | "metrics";

const ROUTES: Record<string, RouteAuth> = {
  "GET /api/auth/[...nextauth]": "public",
  "POST /api/auth/[...nextauth]": "public",
  "GET /api/health": "public",
  "GET /api/metrics": "metrics",
  "POST /api/backups": { token: "backups:write" },
  "POST /api/webhooks/alertmanager": { token: "alerts:write" },
  "POST /api/webhooks/twilio/sms": { signature: "twilio" },
  "POST /api/webhooks/twilio/status": { signature: "twilio" },
  "POST /api/webhooks/sendgrid/events": { signature: "sendgrid" },
  "GET /api/incidents": { session: "viewer" },
  "GET /api/incidents/[id]": { session: "viewer" },
  "GET /api/incidents/[id]/paging": { session: "viewer" },
  "GET /api/live": { session: "viewer" },
  "GET /api/postmortems/[id]": { session: "viewer" },
  "GET /api/postmortems/[id]/markdown": { session: "viewer" },
  "GET /api/postmortems/[id]/revisions": { session: "viewer" },
  "GET /api/postmortems/[id]/revisions/[number]": { session: "viewer" },
  "GET /api/runs/[id]": { session: "viewer" },
};

const ROLES: Role[] = ["viewer", "responder", "commander", "admin"];
/** Who calls: nobody (a cookie that is no session), a disabled person, and each role. */
type Caller = "nobody" | "disabled" | Role;
const CALLERS: Caller[] = ["nobody", "disabled", ...ROLES];

const NOT_SIGNED_IN = "You are not signed in.";
const FORBIDDEN = "You do not have permission to do that.";
const SOME_ID = "00000000-0000-4000-8000-000000000000";

function sourceRoutes(): string[] {
  const routes: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = new Set([...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]!));
        for (const match of source.matchAll(/export const \{([^}]+)\}/g)) for (const name of match[1]!.split(",")) methods.add(name.trim());
        const route = `/${path.relative("app", path.dirname(full)).split(path.sep).join("/")}`;
        for (const method of methods) routes.push(`${method} ${route}`);
      }
    }
  };
  walk(path.resolve("app"));
  return routes.sort();
}

test.describe("the authorization matrix", () => {
  test("has an entry for every action and route, and none for what no longer exists", () => {
    expect(builtActions().map((action) => action.name).sort()).toEqual(Object.keys(ACTIONS).sort());
    expect(sourceRoutes()).toEqual(Object.keys(ROUTES).sort());
  });

  test("every action and route answers every caller as the matrix says", async ({ browser, baseURL, makeUser, db }) => {
    test.slow();
    const cookies = new Map<Caller, string>([["nobody", "authjs.session-token=not-a-session"]]);
    for (const caller of [...ROLES, "disabled" as const]) {
      const user = await makeUser({ role: caller === "disabled" ? "admin" : caller });
      const { context } = await asUser(browser, user.email, user.password);
      cookies.set(caller, (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; "));
      await context.close();
      if (caller === "disabled") await db.disableUser(user.id);
    }

    const wrong: string[] = [];
    const actions = new Map(builtActions().map((action) => [action.name, action]));
    for (const [name, least] of Object.entries(ACTIONS)) {
      const { id, page } = actions.get(name)!;
      for (const caller of CALLERS) {
        // An empty form: refused before its fields are read, or refused for them; never run.
        const form = new FormData();
        form.set("0", JSON.stringify([null, "$K1"]));
        const response = await fetch(`${baseURL}${page}`, {
          method: "POST",
          headers: { "next-action": id, accept: "text/x-component", cookie: cookies.get(caller)! },
          body: form,
          redirect: "manual",
        });
        const text = await response.text();
        const expected = least === "anyone" ? "allowed" : caller === "nobody" || caller === "disabled" ? "unauthenticated" : ROLES.indexOf(caller) < ROLES.indexOf(least) ? "forbidden" : "allowed";
        const answered = response.status >= 500 ? `HTTP ${response.status}` : text.includes(NOT_SIGNED_IN) ? "unauthenticated" : text.includes(FORBIDDEN) ? "forbidden" : "allowed";
        if (answered !== expected) wrong.push(`${name} as ${caller}: expected ${expected}, answered ${answered} (${text.slice(0, 120)})`);
      }
    }

    for (const [route, auth] of Object.entries(ROUTES)) {
      const [method, template] = route.split(" ") as [string, string];
      const url = template.replace("[...nextauth]", "session").replace("[number]", "1").replace(/\[[^\]]+\]/g, SOME_ID);
      for (const caller of CALLERS) {
        const controller = new AbortController();
        const response = await fetch(`${baseURL}${url}`, {
          method,
          headers: { cookie: cookies.get(caller)!, "content-type": "application/json" },
          body: method === "POST" ? "{}" : undefined,
          redirect: "manual",
          signal: controller.signal,
        });
        controller.abort(); // the live stream never ends by itself
        const status = response.status;
        let expected: string;
        if (auth === "public" || auth === "metrics") expected = "not refused";
        else if ("token" in auth) expected = "401";
        else if ("signature" in auth) expected = "403";
        else expected = caller === "nobody" || caller === "disabled" ? "401" : ROLES.indexOf(caller) < ROLES.indexOf(auth.session) ? "403" : "not refused";
        const answered = status >= 500 ? `HTTP ${status}` : status === 401 || status === 403 ? String(status) : "not refused";
        if (answered !== expected) wrong.push(`${route} as ${caller}: expected ${expected}, answered ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
