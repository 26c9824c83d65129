import ReactMarkdown from "react-markdown";

/** Renders people's Markdown safely: raw HTML is dropped, and links cannot run script. */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-sm space-y-2 [overflow-wrap:anywhere] [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </div>
  );
}
