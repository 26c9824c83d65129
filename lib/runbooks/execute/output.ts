import { StringDecoder } from "node:string_decoder";
import type { StepContext } from "./step-context";

/** Most a step may print; the rest is dropped, the step goes on. */
export const OUTPUT_LIMIT = 256 * 1024;
// Text without a line end is passed on once this long, so a line-less stream still shows.
const LONGEST_LINE = 16 * 1024;

/**
 * A step's output on its way to `onOutput`: decoded as UTF-8 (characters split across chunks
 * kept whole), redacted line by line (so a secret is never cut in two by a chunk boundary), and
 * capped at `limit` characters with one notice when the cap is reached.
 */
export function stepOutput(context: Pick<StepContext, "onOutput" | "redact">, limit = OUTPUT_LIMIT) {
  let room = limit;
  let truncated = false;
  const streams = {
    stdout: { decoder: new StringDecoder("utf8"), pending: "" },
    stderr: { decoder: new StringDecoder("utf8"), pending: "" },
  };

  function emit(stream: "stdout" | "stderr", text: string) {
    if (truncated || text === "") return;
    const clean = context.redact(text);
    if (clean.length <= room) {
      room -= clean.length;
      context.onOutput(stream, clean);
      return;
    }
    if (room > 0) context.onOutput(stream, clean.slice(0, room));
    truncated = true;
    context.onOutput("info", `output truncated after ${limit} characters; the rest is not kept\n`);
  }

  return {
    write(stream: "stdout" | "stderr", chunk: Buffer | string) {
      if (truncated) return;
      const state = streams[stream];
      const text = state.pending + (typeof chunk === "string" ? chunk : state.decoder.write(chunk));
      const cut = text.length > LONGEST_LINE ? text.length : text.lastIndexOf("\n") + 1;
      state.pending = text.slice(cut);
      emit(stream, text.slice(0, cut));
    },
    end() {
      for (const stream of ["stdout", "stderr"] as const) {
        const state = streams[stream];
        emit(stream, state.pending + state.decoder.end());
        state.pending = "";
      }
    },
  };
}
