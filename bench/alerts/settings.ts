import { parseArgs } from "node:util";
import type { StormSize } from "./plan";

// The bench's own knobs, not Firebreak settings (so not in lib/env.ts): flags, or for a quick
// check `npm run bench:alerts -- --duration 10 --rate 200`.

export interface BenchSettings extends StormSize {
  /** Web instances the posts are spread over, as a load balancer would. */
  webInstances: number;
  warmup: number;
  /** How long to wait after the storm for the worker to hand every page to the provider. */
  drainSeconds: number;
  /** CPU profiles of web and worker, and PostgreSQL's heaviest statements, printed at the end. */
  profile: boolean;
}

export function benchSettings(): BenchSettings {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "60" },
      rate: { type: "string", default: "1000" },
      // 5 new alerts a second, whatever the length: 300 in the full minute.
      distinct: { type: "string" },
      "per-post": { type: "string", default: "10" },
      web: { type: "string", default: "1" },
      warmup: { type: "string", default: "20" },
      drain: { type: "string", default: "120" },
      profile: { type: "boolean", default: false },
    },
  });
  const whole = (name: keyof typeof values, label: string) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${label}: expected a positive whole number, got "${values[name]}"`);
    return value;
  };
  const seconds = whole("duration", "--duration");
  const settings = {
    seconds,
    distinct: values.distinct === undefined ? 5 * seconds : whole("distinct", "--distinct"),
    rate: whole("rate", "--rate"),
    perPost: whole("per-post", "--per-post"),
    webInstances: whole("web", "--web"),
    warmup: whole("warmup", "--warmup"),
    drainSeconds: whole("drain", "--drain"),
    profile: values.profile ?? false,
  };
  if (settings.rate < settings.perPost) throw new Error(`--rate: must be at least --per-post (${settings.perPost}) alerts per second`);
  // Alerts start firing over the first 70 % of the posts, at most one per post.
  if (settings.distinct > ((settings.rate / settings.perPost) * settings.seconds) * 0.7) {
    throw new Error(`--distinct: ${settings.distinct} alerts starting one a post need a longer or faster storm`);
  }
  return settings;
}
