import { expect, type Page, type Request, type Response } from "@playwright/test";

// Next.js server actions are POSTs to the page's URL carrying a `next-action` header.

export function isServerActionPost(request: Request): boolean {
  return request.method() === "POST" && Boolean(request.headers()["next-action"]);
}

/**
 * Runs `submit` and resolves once the server action it triggered has answered and React has
 * applied the result (submit buttons are disabled while their form is pending). Waiting for the
 * result alone is not enough when a form shows the same message twice in a row.
 */
export async function submitServerAction(page: Page, submit: () => Promise<void>): Promise<{ request: Request; response: Response }> {
  const responsePromise = page.waitForResponse((response) => isServerActionPost(response.request()));
  await submit();
  const response = await responsePromise;
  await expect(page.locator("button[type=submit][disabled]")).toHaveCount(0);
  return { request: response.request(), response };
}

export interface CapturedAction {
  url: string;
  /** The headers a browser sends that make the POST a server action call. */
  headers: Record<string, string>;
  contentType: string;
  body: string;
}

export async function captureAction(request: Request): Promise<CapturedAction> {
  const all = await request.allHeaders();
  const contentType = all["content-type"] ?? "";
  if (!contentType.startsWith("multipart/form-data")) throw new Error(`Expected a multipart server action, got ${contentType}`);
  const headers: Record<string, string> = { "next-action": all["next-action"]!, accept: all["accept"] ?? "text/x-component", "content-type": contentType };
  if (all["next-router-state-tree"]) headers["next-router-state-tree"] = all["next-router-state-tree"];
  return { url: request.url(), headers, contentType, body: request.postData() ?? "" };
}

/** The multipart fields of a captured body, by name (React prefixes bound form fields, e.g. `_1_role`). */
export function multipartFields(action: CapturedAction): Map<string, string> {
  const boundary = /boundary=(.+)$/.exec(action.contentType)?.[1];
  if (!boundary) throw new Error(`No boundary in ${action.contentType}`);
  const fields = new Map<string, string>();
  for (const part of action.body.split(`--${boundary}`)) {
    const match = /^\r\nContent-Disposition: form-data; name="([^"]+)"\r\n\r\n([\s\S]*)\r\n$/.exec(part);
    if (match) fields.set(match[1]!, match[2]!);
  }
  return fields;
}

/**
 * The same multipart body with the named fields' values replaced (matched by how the name ends,
 * since React prefixes them). Throws if a field is missing, so a changed encoding fails loudly.
 */
export function withFields(action: CapturedAction, replacements: Record<string, string>): CapturedAction {
  let body = action.body;
  const fields = multipartFields(action);
  for (const [suffix, value] of Object.entries(replacements)) {
    const name = [...fields.keys()].find((key) => key === suffix || key.endsWith(`_${suffix}`));
    if (!name) throw new Error(`The captured action has no field ending in "${suffix}" (fields: ${[...fields.keys()].join(", ")})`);
    const before = `name="${name}"\r\n\r\n${fields.get(name)}\r\n`;
    if (!body.includes(before)) throw new Error(`Could not find the field ${name} in the body`);
    body = body.replace(before, `name="${name}"\r\n\r\n${value}\r\n`);
  }
  return { ...action, body };
}
