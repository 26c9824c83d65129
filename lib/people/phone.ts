import { z } from "zod";

const PHONE_HINT = '"+" then 8 to 15 digits, e.g. "+1-234-567-8900"';

/**
 * An E.164 phone number as people write it: "+", then digits with optional spaces, dashes, dots
 * or parentheses, stored as "+" and the digits alone (what the SMS provider expects).
 * `label` starts the message when the field is not otherwise named (a form rather than a file path).
 */
export function phoneNumber(label?: string) {
  const message = `${label ? `${label} ` : ""}must be an international phone number: ${PHONE_HINT}`;
  return z
    .string(message)
    .trim()
    .regex(/^\+[0-9 ().-]+$/, message)
    .transform((value) => `+${value.replace(/\D/g, "")}`)
    .refine((value) => /^\+[1-9][0-9]{7,14}$/.test(value), message);
}
