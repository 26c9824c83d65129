import { hasRole, type Role } from "@/lib/auth/roles";

// Phone numbers and email addresses are for those who respond and page: a viewer (a stakeholder, an
// auditor) sees who is on call and how they are reached, not their numbers. Removed on the server,
// before anything reaches the browser.

export const HIDDEN_DETAIL = "(hidden from viewers)";

export const seesContactDetails = (role: Role | undefined) => hasRole(role, "responder");

/** A contact as a viewer may see it: a phone number and an email address replaced, whether there is a phone kept. */
export function hideContactDetails<T extends { email: string; phone: string | null }>(contact: T): T {
  return { ...contact, email: HIDDEN_DETAIL, phone: contact.phone === null ? null : HIDDEN_DETAIL };
}

/** The contacts as `role` may see them. */
export function contactsFor<T extends { email: string; phone: string | null }>(role: Role | undefined, contacts: T[]): T[] {
  return seesContactDetails(role) ? contacts : contacts.map(hideContactDetails);
}

/** Pages as `role` may see them: for a viewer, where each went is hidden. */
export function pagesFor<T extends { recipient: string }>(role: Role | undefined, pages: T[]): T[] {
  return seesContactDetails(role) ? pages : pages.map((page) => ({ ...page, recipient: HIDDEN_DETAIL }));
}

/** Whether a detail is one to link to (tel:, mailto:), not the hidden marker. */
export const isShown = (detail: string | null): detail is string => detail !== null && detail !== HIDDEN_DETAIL;
