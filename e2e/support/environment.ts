import path from "node:path";

// Fixed, so the test process and the server it starts agree without talking.
export const e2ePort = 3107;
export const e2ePostgresPort = 54337;
export const e2eDataDir = path.resolve(".data/e2e");
