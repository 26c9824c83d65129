// Loaded with `--import` into each process a `--profile` bench starts (Node refuses --cpu-prof in
// NODE_OPTIONS): profiles the whole process and writes the profile where FIREBREAK_PROFILE_DIR says
// when it exits.
import { Session } from "node:inspector";
import { writeFileSync } from "node:fs";
import path from "node:path";

const dir = process.env.FIREBREAK_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  // A session in the process's own thread answers synchronously, so this works inside "exit".
  process.once("exit", () => {
    session.post("Profiler.stop", (error, result) => {
      if (!error) writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
