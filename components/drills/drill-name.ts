/** How a schedule's key from recovery-tests.yml reads: "full_recovery" → "full recovery". */
export const drillName = (key: string) => key.replace(/_/g, " ");
