import { renderTemplate, templateProblems } from "@/lib/templates/render";
import type { PlaceholderValues } from "@/lib/templates/placeholders";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The rendered text, with every unknown or malformed placeholder marked where it stayed as written. */
function Highlighted({ template, values }: { template: string; values: PlaceholderValues }) {
  const rendered = renderTemplate(template, values);
  const problems = templateProblems(template).map((problem) => problem.raw);
  if (problems.length === 0) return <>{rendered}</>;
  const pieces = rendered.split(new RegExp(`(${problems.map(escapeRegExp).join("|")})`));
  return (
    <>
      {pieces.map((piece, index) =>
        index % 2 === 1 ? (
          <mark key={index} className="rounded bg-red-100 px-0.5 text-red-800" data-testid="unknown-placeholder" title="Not a placeholder">
            {piece}
          </mark>
        ) : (
          piece
        ),
      )}
    </>
  );
}

interface TemplatePreviewProps {
  subject: string | null;
  body: string;
  values: PlaceholderValues;
  caption: string;
  testId: string;
}

export function TemplatePreview({ subject, body, values, caption, testId }: TemplatePreviewProps) {
  return (
    <figure className="rounded-md border border-slate-200 bg-slate-50 p-3" data-testid={testId}>
      <figcaption className="mb-2 text-xs font-medium text-slate-600">{caption}</figcaption>
      {subject !== null && (
        <p className="mb-2 border-b border-slate-200 pb-2 text-sm font-semibold [overflow-wrap:anywhere]" data-testid={`${testId}-subject`}>
          <Highlighted template={subject} values={values} />
        </p>
      )}
      <pre className="font-sans text-sm whitespace-pre-wrap [overflow-wrap:anywhere]" data-testid={`${testId}-body`}>
        <Highlighted template={body} values={values} />
      </pre>
    </figure>
  );
}
