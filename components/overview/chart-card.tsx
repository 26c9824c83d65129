import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";

export interface FigureTable {
  columns: string[];
  rows: { key: string; cells: React.ReactNode[] }[];
}

interface ChartCardProps {
  title: string;
  testId: string;
  /** The chart in one or two sentences, for everyone and for screen readers. */
  summary: React.ReactNode;
  table: FigureTable;
  /** Set when there is nothing to plot: says what will appear here. */
  empty?: { title: string; body: string } | null;
  children: React.ReactNode;
}

/** A chart with its heading, a text summary and the same figures as a table; the drawing itself is hidden from screen readers. */
export function ChartCard({ title, testId, summary, table, empty, children }: ChartCardProps) {
  return (
    <div data-testid={testId} className="min-w-0">
      <Panel title={title}>
        {empty ? (
          <EmptyState title={empty.title}>{empty.body}</EmptyState>
        ) : (
          <>
            <p className="text-sm text-slate-700" data-testid={`${testId}-summary`}>
              {summary}
            </p>
            <div aria-hidden="true" className="mt-3 w-full">
              {children}
            </div>
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-slate-700">Figures as a table</summary>
              <div className="mt-2 overflow-x-auto">
                <table className="w-full text-left text-sm" data-testid={`${testId}-table`}>
                  <caption className="sr-only">{title}</caption>
                  <thead>
                    <tr className="border-b border-slate-200">
                      {table.columns.map((column) => (
                        <th key={column} scope="col" className="px-2 py-1 font-medium whitespace-nowrap">
                          {column}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {table.rows.map((row) => (
                      <tr key={row.key} className="border-b border-slate-100">
                        {row.cells.map((cell, index) => (
                          <td key={index} className="px-2 py-1 whitespace-nowrap">
                            {cell}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
      </Panel>
    </div>
  );
}
