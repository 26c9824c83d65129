import { describe, expect, it } from "vitest";
import { secretRedactor } from "../redact";
import { stepOutput } from "./output";
import { recordingContext } from "@/test/runbook-step-fixtures";

describe("stepOutput", () => {
  it("redacts a secret that arrives split across two chunks", () => {
    const { context, text } = recordingContext({ redact: secretRedactor(["s3cret-token-value"]) });
    const output = stepOutput(context);
    output.write("stdout", Buffer.from("token=s3cret-to"));
    output.write("stdout", Buffer.from("ken-value\nnext"));
    output.end();
    expect(text("stdout")).toBe("token=[redacted]\nnext");
  });

  it("keeps a UTF-8 character split across chunks whole", () => {
    const { context, text } = recordingContext();
    const output = stepOutput(context);
    const bytes = Buffer.from("blocks: ✓\n");
    output.write("stderr", bytes.subarray(0, 9));
    output.write("stderr", bytes.subarray(9));
    output.end();
    expect(text("stderr")).toBe("blocks: ✓\n");
  });

  it("passes a long line on without waiting for its end", () => {
    const { context, chunks } = recordingContext();
    const output = stepOutput(context);
    output.write("stdout", "x".repeat(20_000));
    expect(chunks).toHaveLength(1);
  });

  it("stops at the limit with one notice", () => {
    const { context, chunks } = recordingContext();
    const output = stepOutput(context, 10);
    output.write("stdout", "12345678\n");
    output.write("stderr", "abcdef\n");
    output.write("stdout", "more\n");
    output.end();
    expect(chunks).toEqual([
      { stream: "stdout", text: "12345678\n" },
      { stream: "stderr", text: "a" },
      { stream: "info", text: "output truncated after 10 characters; the rest is not kept\n" },
    ]);
  });
});
