import type { StormPost } from "./plan";

// Open loop: each post leaves at its planned time whether or not earlier ones were answered, so a
// slow server shows up as latency (and requests in flight), not as a quietly lower rate. With
// several web instances, posts go round them in turn (the two copies of a pair to different ones).

export interface PostResult {
  post: StormPost;
  /** HTTP status; 0 when the request failed without one. */
  status: number;
  /** From sending to the last byte of the answer. */
  ms: number;
  /** How late it left against the plan: the client's own lag. */
  lateMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(url: string, token: string, post: StormPost, lateMs: number): Promise<PostResult> {
  const started = performance.now();
  try {
    const response = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: post.body });
    await response.arrayBuffer();
    return { post, status: response.status, ms: performance.now() - started, lateMs };
  } catch {
    return { post, status: 0, ms: performance.now() - started, lateMs };
  }
}

export async function runStorm(urls: string[], token: string, posts: StormPost[], progress: (sent: number, inFlight: number) => void): Promise<PostResult[]> {
  const started = performance.now();
  const pending: Promise<PostResult>[] = [];
  let answered = 0;
  let nextReport = 10_000;
  for (const post of posts) {
    const wait = started + post.at - performance.now();
    if (wait > 1) await sleep(wait);
    const lateMs = Math.max(0, performance.now() - started - post.at);
    pending.push(send(urls[pending.length % urls.length]!, token, post, lateMs).finally(() => (answered += 1)));
    if (post.at >= nextReport) {
      progress(pending.length, pending.length - answered);
      nextReport += 10_000;
    }
  }
  return Promise.all(pending);
}
