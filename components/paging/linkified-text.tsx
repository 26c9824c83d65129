// Web addresses in plain text, as links; everything else stays text (React escapes it), so a
// message body can never inject markup. Only http(s) addresses become links.
const ADDRESS = /https?:\/\/[^\s<>"']+/g;
// Sentence punctuation after an address belongs to the sentence.
const TRAILING = /[.,;:!?)\]]+$/;

type Part = { text: string; href?: string };

export function linkParts(text: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const href = match[0].replace(TRAILING, "");
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ text: href, href });
    last = match.index + href.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

export function LinkifiedText({ text, className = "" }: { text: string; className?: string }) {
  return (
    <p className={`whitespace-pre-wrap [overflow-wrap:anywhere] ${className}`}>
      {linkParts(text).map((part, index) =>
        part.href ? (
          <a key={index} href={part.href} className="text-brand-700 underline">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
