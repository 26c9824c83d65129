"use client";

import { useSyncExternalStore } from "react";
import { setTimeZoneAction } from "@/lib/users/actions";
import { ActionForm } from "@/components/ui/action-form";
import { controlClass, FieldFrame } from "@/components/ui/field";

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
// Read once: a snapshot must be the same value each time it is asked for.
let knownZones: string[] | undefined;
const zones = () => (knownZones ??= Intl.supportedValuesOf("timeZone"));
const noZones: string[] = [];
const noSubscription = () => () => {};

/** The zone every time is shown in for this person: their browser's, or one they choose. */
export function TimeZoneForm({ chosen }: { chosen: string | null }) {
  // The browser's zone and the list of zones are the browser's; the server renders a placeholder.
  const detected = useSyncExternalStore(noSubscription, browserZone, () => "");
  const options = useSyncExternalStore(noSubscription, zones, () => noZones);
  return (
    <ActionForm action={setTimeZoneAction} submitLabel="Save time zone" pendingLabel="Saving…" testId="time-zone-form" className="max-w-md">
      {(state) => (
        <FieldFrame id="timeZone" name="timeZone" label="Show times in" hint="Hover a time to see it in UTC." state={state}>
          {(control) => (
            <select name="timeZone" defaultValue={chosen ?? ""} className={controlClass} {...control}>
              <option value="">Your browser&apos;s zone{detected ? ` (${detected})` : ""}</option>
              <option value="UTC">UTC</option>
              {chosen && !options.includes(chosen) && <option value={chosen}>{chosen}</option>}
              {options
                .filter((zone) => zone !== "UTC")
                .map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
            </select>
          )}
        </FieldFrame>
      )}
    </ActionForm>
  );
}
