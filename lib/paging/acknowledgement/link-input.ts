import { z } from "zod";

// The token in /ack/<token>: base64url payload "." base64url signature (see link-token.ts).
// Checked for shape before anything is looked up; the signature is checked after.
export const ackLinkTokenSchema = z
  .string("Link token is required")
  .max(256, "Link token must be at most 256 characters")
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, "Link token must be two base64url parts joined by a dot");
