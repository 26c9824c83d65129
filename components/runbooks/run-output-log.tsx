"use client";

import { useEffect, useRef } from "react";
import type { RunDetail } from "@/lib/runbooks/queries";

const streamClass: Record<string, string> = {
  stdout: "text-slate-100",
  stderr: "text-red-300",
  info: "italic text-sky-300",
};

/** A step's output as it streamed; kept scrolled to the newest line while the step runs. */
export function RunOutputLog({ chunks, following }: { chunks: RunDetail["output"]; following: boolean }) {
  const log = useRef<HTMLPreElement>(null);
  const last = chunks.at(-1)?.id;
  useEffect(() => {
    if (following && log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [following, last]);
  return (
    <pre
      ref={log}
      data-testid="run-output"
      className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed"
    >
      {chunks.map((chunk) => (
        <span key={chunk.id} data-stream={chunk.stream} className={streamClass[chunk.stream] ?? streamClass.stdout}>
          {chunk.text}
        </span>
      ))}
    </pre>
  );
}
