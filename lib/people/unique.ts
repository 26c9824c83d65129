import { Prisma } from "@/lib/db/generated/client";
import type { DomainError } from "@/lib/errors";

/** Runs `work`; a unique-constraint violation (two people taking the same email or key at once) becomes `conflict`. */
export async function refuseDuplicate<T>(work: () => Promise<T>, conflict: () => DomainError): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict();
    throw error;
  }
}
