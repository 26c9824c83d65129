// The colour theme a person chose: kept in a cookie the server reads to render it.

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "firebreak-theme";

/** The cookie's value as a theme; anything else is "system". */
export function parseTheme(value: string | undefined): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}
