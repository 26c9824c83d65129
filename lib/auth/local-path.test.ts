import { describe, expect, it } from "vitest";
import { localPath } from "./local-path";

describe("localPath", () => {
  it("keeps paths on this site, including the absolute URLs Auth.js builds", () => {
    expect(localPath("/incidents?status=open")).toBe("/incidents?status=open");
    expect(localPath("http://localhost:3000/settings/users")).toBe("/settings/users");
  });

  it("never leads off the site", () => {
    expect(localPath("https://evil.example/phish")).toBe("/phish");
    expect(localPath("//evil.example")).toBe("/");
    expect(localPath(undefined)).toBe("/");
    expect(localPath(42)).toBe("/");
  });
});
