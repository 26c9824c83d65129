interface StatCardProps {
  label: string;
  value: number;
  testId: string;
  /** Red when the figure is above zero: it needs someone now. */
  alarming?: boolean;
  children: React.ReactNode;
}

export function StatCard({ label, value, testId, alarming = false, children }: StatCardProps) {
  const urgent = alarming && value > 0;
  return (
    <section
      aria-label={label}
      className={`rounded-lg border bg-white p-4 shadow-sm ${urgent ? "border-red-300 ring-1 ring-red-200" : "border-slate-200"}`}
    >
      <h2 className="text-sm font-medium text-slate-600">{label}</h2>
      <p className={`mt-1 text-3xl font-semibold ${urgent ? "text-red-700" : ""}`} data-testid={testId}>
        {value}
      </p>
      <div className="mt-1 text-sm text-slate-600">{children}</div>
    </section>
  );
}
