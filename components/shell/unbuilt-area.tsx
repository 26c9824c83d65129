import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** An area of the plan Firebreak does not cover yet: said plainly, with nothing invented. */
export function UnbuiltArea({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title="Not available yet">{children}</EmptyState>
    </>
  );
}
