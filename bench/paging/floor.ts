import pg from "pg";
import type { SandboxEnv } from "@/test/sandbox";
import type { ReceiptLog } from "./receipts";

// The least any commit-to-provider path can take on this machine: a committed INSERT whose NOTIFY
// wakes a listener, which makes one loopback HTTP request to the sandbox's Twilio API. The same
// database, the same sandbox and the same receipt clock as the real path; no queue, no worker.

const CHANNEL = "bench_paging_floor";

export interface FloorProbe {
  /** One sample: ms from the commit to the sandbox's receipt. */
  sample(index: number): Promise<number>;
  stop(): Promise<void>;
}

export async function startFloorProbe(databaseUrl: string, sandbox: SandboxEnv, receipts: ReceiptLog): Promise<FloorProbe> {
  const listener = new pg.Client({ connectionString: databaseUrl });
  const writer = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([listener.connect(), writer.connect()]);
  await writer.query(`CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, sample int NOT NULL, at timestamptz NOT NULL DEFAULT now())`);

  const messagesUrl = `${sandbox.TWILIO_API_URL.replace(/\/$/, "")}/2010-04-01/Accounts/${sandbox.TWILIO_ACCOUNT_SID}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${sandbox.TWILIO_ACCOUNT_SID}:${sandbox.TWILIO_AUTH_TOKEN}`).toString("base64")}`;
  const failures: string[] = [];
  listener.on("notification", (notification) => {
    const body = new URLSearchParams({
      To: "+15559999999",
      From: sandbox.TWILIO_FROM,
      Body: "floor",
      StatusCallback: `http://127.0.0.1/floor?pageId=floor-${notification.payload}`,
    });
    fetch(messagesUrl, { method: "POST", headers: { authorization, "content-type": "application/x-www-form-urlencoded" }, body })
      .then((response) => response.arrayBuffer())
      .catch((error: unknown) => failures.push(String(error)));
  });
  await listener.query(`LISTEN ${CHANNEL}`);

  return {
    async sample(index) {
      const mark = receipts.count;
      await writer.query("BEGIN");
      await writer.query("INSERT INTO bench_floor (sample) VALUES ($1)", [index]);
      await writer.query("SELECT pg_notify($1, $2)", [CHANNEL, String(index)]);
      await writer.query("COMMIT");
      const committedAt = performance.now();
      await receipts.waitForCount(mark + 1, 10_000).catch((error: Error) => {
        throw new Error(`floor sample ${index}: ${error.message}${failures.length > 0 ? `; request errors: ${failures.join("; ")}` : ""}`);
      });
      const receipt = receipts.receipt(mark);
      if (receipt.pageId !== `floor-${index}`) throw new Error(`floor sample ${index}: the sandbox received ${receipt.pageId} instead`);
      return receipt.at - committedAt;
    },
    async stop() {
      await Promise.all([listener.end(), writer.end()]);
    },
  };
}
