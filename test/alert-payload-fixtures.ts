// Alertmanager webhook payloads as Alertmanager writes them, for the tests and the alert storm bench.

export interface FixtureAlert {
  status?: "firing" | "resolved";
  fingerprint: string;
  startsAt?: string;
  endsAt?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export const ZERO_TIME = "0001-01-01T00:00:00Z";

export function alertmanagerAlert({ status = "firing", fingerprint, startsAt = "2026-11-26T10:00:00.123456789Z", endsAt, labels = {}, annotations = {} }: FixtureAlert) {
  return {
    status,
    labels: { alertname: "NodeDown", ...labels },
    annotations,
    startsAt,
    endsAt: endsAt ?? ZERO_TIME,
    generatorURL: `http://prometheus.example:9090/graph?g0.expr=up%3D%3D0&fingerprint=${fingerprint}`,
    fingerprint,
  };
}

/** A version 4 notification carrying `alerts` as one group. */
export function alertmanagerPayload(alerts: FixtureAlert[], receiver = "firebreak") {
  const built = alerts.map(alertmanagerAlert);
  const status = built.some((alert) => alert.status === "firing") ? "firing" : "resolved";
  const common = built.length === 1 ? built[0]!.labels : {};
  return {
    version: "4",
    groupKey: `{}/{}:{alertname="${built[0]?.labels.alertname ?? ""}"}`,
    truncatedAlerts: 0,
    status,
    receiver,
    groupLabels: { alertname: built[0]?.labels.alertname ?? "" },
    commonLabels: common,
    commonAnnotations: {},
    externalURL: "http://alertmanager.example:9093",
    alerts: built,
  };
}
