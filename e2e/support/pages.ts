// The account and settings pages every whole-app check visits (accessibility, phone widths).
export const ACCOUNT_AND_SETTINGS_PAGES = [
  "/account",
  "/settings",
  "/settings/users",
  "/settings/tokens",
  "/settings/paging",
  "/settings/templates",
  "/settings/alerts",
  "/settings/audit",
  "/settings/postmortem-template",
];
