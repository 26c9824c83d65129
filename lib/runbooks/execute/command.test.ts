import { existsSync } from "node:fs";
import { mkdtemp, realpath, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { secretRedactor } from "../redact";
import { executeStep } from ".";
import { KILL_GRACE_MS } from "./command";
import { OUTPUT_LIMIT } from "./output";
import { commandStep, isRunning, recordingContext } from "@/test/runbook-step-fixtures";

let dir: string;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), "firebreak-command-")));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const pidsIn = (text: string) => text.trim().split("\n").map(Number);

describe("command steps", () => {
  it("succeeds on exit code 0 and streams stdout and stderr", async () => {
    const { context, text } = recordingContext();
    const outcome = await executeStep(commandStep(["sh", "-c", "echo out; echo err >&2"]), context);
    expect(outcome).toEqual({ status: "succeeded", exitCode: 0, result: null, error: null });
    expect(text("stdout")).toBe("out\n");
    expect(text("stderr")).toBe("err\n");
  });

  it("fails on another exit code or a signal, naming it", async () => {
    expect(await executeStep(commandStep(["sh", "-c", "exit 3"]), recordingContext().context)).toEqual({ status: "failed", exitCode: 3, result: null, error: "exited with code 3" });
    expect(await executeStep(commandStep(["sh", "-c", "kill -USR1 $$"]), recordingContext().context)).toMatchObject({ status: "failed", exitCode: null, error: "killed by SIGUSR1" });
  });

  it("fails clearly when the command or the working directory does not exist", async () => {
    expect(await executeStep(commandStep(["firebreak-no-such-command"]), recordingContext().context)).toMatchObject({ status: "failed", error: "command not found: firebreak-no-such-command" });
    expect(await executeStep(commandStep(["pwd"], { cwd: path.join(dir, "missing") }), recordingContext().context)).toMatchObject({
      status: "failed",
      error: `working directory does not exist: ${path.join(dir, "missing")}`,
    });
  });

  it("runs in cwd with only PATH, HOME and LANG in its environment", async () => {
    const { context, text } = recordingContext();
    await executeStep(commandStep(["sh", "-c", "pwd; env"], { cwd: dir }), context);
    const [cwd, ...environment] = text("stdout").trim().split("\n");
    expect(cwd).toBe(dir);
    // sh adds its own PWD (and may add SHLVL); nothing of Firebreak's environment (AUTH_SECRET, DATABASE_URL ...) is there.
    const names = environment.map((line) => line.split("=")[0]).filter((name) => name !== "PWD" && name !== "SHLVL" && name !== "_");
    expect(names.sort()).toEqual(["HOME", "LANG", "PATH"]);
    expect(environment).toContain("LANG=C.UTF-8");
  });

  it("on timeout ends the whole process group, grandchildren included", async () => {
    const { context, text } = recordingContext();
    const started = Date.now();
    const outcome = await executeStep(commandStep(["sh", "-c", "sleep 30 & echo $!; sleep 30 & echo $!; wait"], { timeoutMs: 500 }), context);
    expect(outcome).toMatchObject({ status: "timed_out", error: "timed out after 500 ms" });
    expect(Date.now() - started).toBeLessThan(3_000);
    const pids = pidsIn(text("stdout"));
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(isRunning(pid)).toBe(false);
  });

  it("kills what ignores SIGTERM after the grace period", async () => {
    const { context, text } = recordingContext();
    const started = Date.now();
    // An ignored signal stays ignored in the children: only SIGKILL ends this group.
    const outcome = await executeStep(commandStep(["sh", "-c", "trap '' TERM; sleep 30 & echo $!; wait"], { timeoutMs: 300 }), context);
    expect(outcome.status).toBe("timed_out");
    expect(Date.now() - started).toBeGreaterThanOrEqual(KILL_GRACE_MS);
    for (const pid of pidsIn(text("stdout"))) expect(isRunning(pid)).toBe(false);
  }, 20_000);

  it("is cancelled through the abort signal, its processes ended", async () => {
    const { context, controller, text } = recordingContext();
    const running = executeStep(commandStep(["sh", "-c", "sleep 30 & echo $!; wait"]), context);
    setTimeout(() => controller.abort(), 300);
    expect(await running).toMatchObject({ status: "cancelled", error: "cancelled" });
    for (const pid of pidsIn(text("stdout"))) expect(isRunning(pid)).toBe(false);
    // Already cancelled: nothing starts.
    expect(await executeStep(commandStep(["touch", path.join(dir, "x")]), context)).toMatchObject({ status: "cancelled" });
    expect(existsSync(path.join(dir, "x"))).toBe(false);
  });

  it("stops what a finished command left running", async () => {
    const { context, text } = recordingContext();
    const outcome = await executeStep(commandStep(["sh", "-c", "sleep 30 & echo $!"]), context);
    expect(outcome.status).toBe("succeeded");
    expect(text("info")).toContain("stopping processes the step left running");
    for (const pid of pidsIn(text("stdout"))) expect(isRunning(pid)).toBe(false);
  });

  it("caps the output with one notice and lets the command finish", async () => {
    const { context, text, chunks } = recordingContext();
    const finished = path.join(dir, "finished");
    const outcome = await executeStep(commandStep(["sh", "-c", `yes firebreak | head -c ${OUTPUT_LIMIT * 2}; touch ${finished}`]), context);
    expect(outcome.status).toBe("succeeded");
    expect(existsSync(finished)).toBe(true);
    expect(text("stdout")).toHaveLength(OUTPUT_LIMIT);
    expect(chunks.filter((chunk) => chunk.stream === "info")).toEqual([{ stream: "info", text: expect.stringContaining("output truncated") }]);
  });

  it("redacts secrets from the output and from the error", async () => {
    const { context, text } = recordingContext({ redact: secretRedactor(["s3cret-token-value"]) });
    const outcome = await executeStep(commandStep(["sh", "-c", "echo token=s3cret-token-value; echo s3cret-token-value >&2; exit 1"]), context);
    expect(text("stdout")).toBe("token=[redacted]\n");
    expect(text("stderr")).toBe("[redacted]\n");
    expect(outcome.error).toBe("exited with code 1");
    expect(await executeStep(commandStep(["s3cret-token-value"]), context)).toMatchObject({ error: "command not found: [redacted]" });
  });
});
