import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDatabase } from "@/test/reset-database";
import {
  DEFAULT_POSTMORTEM_TEMPLATE,
  fillTemplate,
  getPostmortemTemplate,
  POSTMORTEM_PLACEHOLDERS,
  postmortemTemplateSchema,
  setPostmortemTemplate,
  splitSections,
  type PostmortemValues,
} from "./template";

const problems = (text: string) => {
  const parsed = postmortemTemplateSchema.safeParse(text);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe("splitSections", () => {
  it("splits at ## headings, drops the # title line and keeps each body without surrounding blank lines", () => {
    expect(splitSections("# Incident Post-Mortem\n\n## Overview\n\n- Impact:\n\n## Timeline ##\r\nDetected\n")).toEqual({
      preamble: "",
      sections: [
        { heading: "Overview", body: "- Impact:" },
        { heading: "Timeline", body: "Detected" },
      ],
    });
  });

  it("does not split at a ## line inside a code fence", () => {
    const { sections } = splitSections("## Logs\n```\n## not a heading\n```\n~~~\n## nor this\n~~~\n## Analysis\nWhy");
    expect(sections.map((section) => section.heading)).toEqual(["Logs", "Analysis"]);
    expect(sections[0]!.body).toBe("```\n## not a heading\n```\n~~~\n## nor this\n~~~");
  });

  it("returns text before the first section as the preamble, and ### headings stay in their section", () => {
    expect(splitSections("Intro words\n## Overview\n### Detail\ntext")).toEqual({
      preamble: "Intro words",
      sections: [{ heading: "Overview", body: "### Detail\ntext" }],
    });
  });
});

describe("postmortemTemplateSchema", () => {
  it("accepts the plan's template", () => {
    expect(problems(DEFAULT_POSTMORTEM_TEMPLATE)).toEqual([]);
  });

  it("names an unknown placeholder and lists the known ones", () => {
    const messages = problems("## Overview\n- Impact: {{impcat}}");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Unknown placeholder \{\{impcat\}\}; use one of: reference, title, severity, /);
  });

  it("names a malformed placeholder", () => {
    expect(problems("## Overview\n- Impact: {{impact")).toEqual(['Malformed placeholder "{{impact": write placeholders as {{name}}']);
  });

  it("refuses a template without sections", () => {
    expect(problems("# Title only")).toEqual(['Template needs at least one section: start it with a "## " heading']);
  });

  it("refuses an empty template", () => {
    expect(problems("  \n ")).toContain("Template cannot be empty");
  });

  it("refuses two sections with the same heading, whatever their case", () => {
    expect(problems("## Analysis\na\n## analysis\nb")).toEqual(['Section headings must differ: "analysis" appears twice']);
  });

  it("refuses text before the first section, which would be lost", () => {
    expect(problems("Read me first\n## Overview")).toEqual(['Text before the first "## " heading would be lost: move it into a section']);
  });
});

describe("fillTemplate", () => {
  const values = Object.fromEntries(POSTMORTEM_PLACEHOLDERS.map((placeholder) => [placeholder.name, `<${placeholder.name}>`])) as PostmortemValues;

  it("fills the plan's template with the incident's facts, section by section", () => {
    const sections = fillTemplate(DEFAULT_POSTMORTEM_TEMPLATE, {
      ...values,
      declaredAt: "20 Nov 2026, 09:00 UTC",
      duration: "1h 30m",
      impact: "Transfers delayed",
      events: "- 09:00 Declared\n- 09:05 Acknowledged",
    });
    expect(sections.map((section) => section.heading)).toEqual(["Incident Overview", "Timeline", "Analysis", "Action Items"]);
    expect(sections[0]!.body).toBe("- Date/Time: 20 Nov 2026, 09:00 UTC\n- Duration: 1h 30m\n- Impact: Transfers delayed\n- Root Cause:");
    expect(sections[1]!.body).toBe(
      "- Detection: <detection>\n- Response: <response>\n- Resolution: <resolution>\n- Prevention: <prevention>\n- Follow-up: <followUp>\n\n- 09:00 Declared\n- 09:05 Acknowledged",
    );
  });

  it("starts the action items section empty: the post-mortem lists its tracked items there instead", () => {
    const sections = fillTemplate(DEFAULT_POSTMORTEM_TEMPLATE, values);
    expect(sections.find((section) => section.heading === "Action Items")!.body).toBe("");
    expect(fillTemplate("## action item\n- {{title}}\n## Notes\n{{title}}", values)).toEqual([
      { heading: "action item", body: "" },
      { heading: "Notes", body: "<title>" },
    ]);
  });

  it("leaves a label with an empty value bare, ready to be written", () => {
    expect(fillTemplate(DEFAULT_POSTMORTEM_TEMPLATE, { ...values, prevention: "", followUp: "" })[1]!.body).toContain("- Resolution: <resolution>\n- Prevention:\n- Follow-up:\n");
  });

  it("puts prevention and follow-up after the resolution line of a template saved without them", () => {
    const saved = "## Overview\n{{impact}}\n\n## Timeline\n* Response: {{response}}\n* Resolution: {{resolution}}\n* Later: {{events}}";
    expect(fillTemplate(saved, values)[1]!.body).toBe("* Response: <response>\n* Resolution: <resolution>\n* Prevention: <prevention>\n* Follow-up: <followUp>\n* Later: <events>");
    // Only what the template does not already place, and nothing without a resolution line to follow.
    expect(fillTemplate("## Timeline\n- Resolution: {{resolution}}\n\n## Lessons\n{{ prevention }}", values)).toEqual([
      { heading: "Timeline", body: "- Resolution: <resolution>\n- Follow-up: <followUp>" },
      { heading: "Lessons", body: "<prevention>" },
    ]);
    expect(fillTemplate("## Overview\n{{impact}}", values)).toEqual([{ heading: "Overview", body: "<impact>" }]);
  });

  it("fills placeholders in headings too", () => {
    expect(fillTemplate("## About {{reference}}\n{{title}}", { ...values, reference: "INC-7", title: "Disk full" })).toEqual([{ heading: "About INC-7", body: "Disk full" }]);
  });
});

describe("getPostmortemTemplate / setPostmortemTemplate", () => {
  let admin: { id: string; email: string };

  beforeEach(async () => {
    await resetDatabase(db);
    const user = await db.user.create({ data: { email: "admin@example.test", name: "Admin", role: "admin", passwordHash: "unused" } });
    admin = user;
  });

  it("is the plan's template until an admin saves one", async () => {
    expect(await getPostmortemTemplate(db)).toBe(DEFAULT_POSTMORTEM_TEMPLATE);
  });

  it("round-trips a saved template through the database, with an audit entry", async () => {
    const text = "## What happened\n{{impact}}\n\n## What we will change";
    await setPostmortemTemplate(db, text, admin);
    expect(await getPostmortemTemplate(db)).toBe(text);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "settings.postmortem_template_changed" } });
    expect(audit).toMatchObject({ actorId: admin.id, actorLabel: admin.email, targetType: "setting", targetId: "postmortem.template" });

    await setPostmortemTemplate(db, "## Second\nonly", admin);
    expect(await getPostmortemTemplate(db)).toBe("## Second\nonly");
    expect(await db.setting.count({ where: { key: "postmortem.template" } })).toBe(1);
  });

  it("falls back to the plan's template when the stored one is not valid", async () => {
    await db.setting.create({ data: { key: "postmortem.template", value: { text: "no sections, {{unknown}}" } } });
    expect(await getPostmortemTemplate(db)).toBe(DEFAULT_POSTMORTEM_TEMPLATE);
    await db.setting.update({ where: { key: "postmortem.template" }, data: { value: "not an object" } });
    expect(await getPostmortemTemplate(db)).toBe(DEFAULT_POSTMORTEM_TEMPLATE);
  });
});
