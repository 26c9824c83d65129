import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

/** Renders people's Markdown (with GitHub's tables and task lists) safely: raw HTML is dropped, and links cannot run script. */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-sm space-y-2 [overflow-wrap:anywhere] [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_table]:w-full [&_table]:border-collapse [&_td]:border-b [&_td]:py-1 [&_td]:pr-3 [&_th]:border-b [&_th]:pr-3 [&_th]:text-left [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown skipHtml remarkPlugins={[remarkGfm]}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
