"use client";

import { createContext, useContext } from "react";
import { formatTimestamp } from "@/lib/format/time";

const TimeZoneContext = createContext("UTC");

/** The zone the signed-in person reads times in, for every Timestamp below; the server renders in the same one. */
export function TimeZoneProvider({ zone, children }: { zone: string; children: React.ReactNode }) {
  return <TimeZoneContext value={zone}>{children}</TimeZoneContext>;
}

/** The zone Timestamps here are written in. */
export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}

/** A moment in the reader's zone, with UTC on hover when that is another zone. */
export function Timestamp({ iso, className, testId }: { iso: string; className?: string; testId?: string }) {
  const zone = useTimeZone();
  return (
    <time dateTime={iso} title={zone === "UTC" ? undefined : formatTimestamp(iso)} className={className} data-testid={testId}>
      {formatTimestamp(iso, zone)}
    </time>
  );
}
