/** Data a server component read for a live view, and when the read began (that server's clock, ms). */
export interface Rendered<T> {
  data: T;
  at: number;
}

/**
 * Now, on this server's clock: a page takes it before it reads, so the browser can tell a change it
 * heard of later from one the read already saw.
 */
export function readStartedAt(): number {
  return Date.now();
}
