import "server-only";
import { db, type Db } from "@/lib/db/client";

const TIMEOUT_MS = 2000;

export async function checkDatabase(client: Db = db): Promise<"ok" | "unreachable"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"unreachable">((resolve) => {
    timer = setTimeout(() => resolve("unreachable"), TIMEOUT_MS);
  });
  const probe = client.$queryRaw`SELECT 1`.then(
    () => "ok" as const,
    () => "unreachable" as const,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
