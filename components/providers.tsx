"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";

// Data is fetched when a view first needs it (most start from the server's render) and again when
// the live stream says it changed (components/live/live-data.tsx), never because time passed or a
// tab regained focus.
export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
