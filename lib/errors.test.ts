import { describe, expect, it } from "vitest";
import { nulCharacterErrors } from "./errors";

describe("nulCharacterErrors", () => {
  it("names every field holding a NUL character, in objects, arrays and forms, keys included", () => {
    const form = new FormData();
    form.set("title", "fine");
    form.set("body", "a\u0000b");
    expect(nulCharacterErrors(form)).toEqual({ body: ["must not contain the NUL character"] });
    expect(nulCharacterErrors({ a: { b: ["x", "y\u0000"] }, ok: "z", "k\u0000": 1 })).toEqual({
      "a.b.1": ["must not contain the NUL character"],
      "k\u0000": ["must not contain the NUL character"],
    });
    expect(nulCharacterErrors("\u0000")).toEqual({ form: ["must not contain the NUL character"] });
    expect(nulCharacterErrors({ clean: "text", n: 1, none: null })).toEqual({});
  });
});
