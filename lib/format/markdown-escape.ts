/**
 * Text from outside (an alert's labels, a monitoring system's URLs) as Markdown that shows it as
 * written: every character Markdown could read as syntax is escaped, so a label cannot become an
 * image, a link, a heading or emphasis for everyone who opens the incident. Line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (character) => `\\${character}`);
}
