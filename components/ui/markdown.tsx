import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * An image in Markdown is shown as a link to it, never loaded: a remote image would tell its server
 * who opened the page and when (the Content-Security-Policy refuses remote images as well).
 */
function ImageAsLink({ src, alt }: { src?: string | Blob; alt?: string }) {
  if (typeof src !== "string" || src === "") return <span>{alt}</span>;
  return <a href={src}>{`Image: ${alt || src}`}</a>;
}

/**
 * Renders people's Markdown (with GitHub's tables and task lists) safely: raw HTML is dropped, links
 * cannot run script, and images are not loaded.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-sm space-y-2 [overflow-wrap:anywhere] [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_table]:w-full [&_table]:border-collapse [&_td]:border-b [&_td]:py-1 [&_td]:pr-3 [&_th]:border-b [&_th]:pr-3 [&_th]:text-left [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown skipHtml remarkPlugins={[remarkGfm]} components={{ img: ImageAsLink }}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
