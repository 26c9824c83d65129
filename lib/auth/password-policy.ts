import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// What a password must be (NIST SP 800-63B): long enough, not too long to hash, and not one of the
// passwords attackers try first: common passwords, keyboard walks, dates, repeats, each judged by
// zxcvbn against its lists of common passwords and names. No rules about character classes.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's score: 3 means safely unguessable for an online attacker and a slow hash. */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
const estimate = (password: string, userInputs: string[]) =>
  (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs })).check(password, userInputs);

/** A new password; `userInputs` are words of the account (its email, its name) that make a guess easy too. */
export function newPasswordSchema(userInputs: string[] = []) {
  return z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`)
    .refine(
      (password) => estimate(password, userInputs).score >= MIN_SCORE,
      "This password is too common or easy to guess: a few unrelated words make a strong one",
    );
}
