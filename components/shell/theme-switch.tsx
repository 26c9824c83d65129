"use client";

import { useState } from "react";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/format/theme";

const LABELS: Record<Theme, string> = { system: "As the system", light: "Light", dark: "Dark" };

/**
 * Light, dark, or as the system says. Kept in a cookie, so the server renders the chosen theme
 * and a page never flashes the other one; changed here at once, without a reload.
 */
export function ThemeSwitch({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);
  const choose = (next: Theme) => {
    setTheme(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${60 * 60 * 24 * 400}; samesite=lax`;
    document.documentElement.classList.remove(...THEMES);
    if (next !== "system") document.documentElement.classList.add(next);
  };
  return (
    <label className="mt-3 flex items-center gap-2 text-sm">
      Theme
      <select value={theme} onChange={(event) => choose(event.currentTarget.value as Theme)} className="max-w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm" data-testid="theme-switch">
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
