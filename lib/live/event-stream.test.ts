import { afterEach, describe, expect, it, vi } from "vitest";
import { changeEventStream, endOpenStreams, HEARTBEAT_MS, RETRY_MS } from "./event-stream";
import { CLOCK_MARGIN_MS } from "./message";
import type { Subscriber } from "./listener";

// The stream a browser's EventSource reads, with the listener replaced by a hand-driven one.

function fakeListener() {
  const subscribers = new Set<Subscriber>();
  return {
    subscribers,
    subscribe: (subscriber: Subscriber) => {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    send: (message: Parameters<Subscriber>[0]) => subscribers.forEach((subscriber) => subscriber(message)),
  };
}

async function readText(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const { value, done } = await reader.read();
  return done ? "<end>" : new TextDecoder().decode(value);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("changeEventStream", () => {
  it("starts with a retry hint, then sends each change as one data line of JSON", async () => {
    const listener = fakeListener();
    const reader = changeEventStream({ signal: new AbortController().signal, subscribe: listener.subscribe }).getReader();
    expect(await readText(reader)).toBe(`retry: ${RETRY_MS}\n\n`);

    const id = "6f1c2c5e-8f0a-4c55-9d63-2b1f4f0f7a10";
    listener.send({ topic: "incident", id });
    listener.send({ topic: "resync" });
    expect(await readText(reader)).toBe(`data: {"topic":"incident","id":"${id}"}\n\n`);
    expect(await readText(reader)).toBe(`data: {"topic":"resync"}\n\n`);
  });

  it("sends first what changed since the browser's data was read, with when the server heard it", async () => {
    const listener = fakeListener();
    const id = "6f1c2c5e-8f0a-4c55-9d63-2b1f4f0f7a10";
    const asked: number[] = [];
    const recent = (since: number) => {
      asked.push(since);
      return [{ change: { topic: "incident" as const, id }, at: 9_500 }];
    };
    const reader = changeEventStream({ signal: new AbortController().signal, subscribe: listener.subscribe, since: 10_000, recent }).getReader();
    expect(await readText(reader)).toBe(`retry: ${RETRY_MS}\n\n`);
    expect(await readText(reader)).toBe(`data: {"topic":"incident","id":"${id}","at":9500}\n\n`);
    // A little before `since`: the render's clock and reads are not exactly this server's.
    expect(asked).toEqual([10_000 - CLOCK_MARGIN_MS]);
  });

  it("tells the browser to reload everything when it cannot know all that changed since", async () => {
    const reader = changeEventStream({ signal: new AbortController().signal, subscribe: fakeListener().subscribe, since: 10_000, recent: () => null }).getReader();
    await readText(reader);
    expect(await readText(reader)).toBe(`data: {"topic":"resync"}\n\n`);
  });

  it("sends a comment as a heartbeat so proxies keep an idle stream open", async () => {
    vi.useFakeTimers();
    const reader = changeEventStream({ signal: new AbortController().signal, subscribe: fakeListener().subscribe }).getReader();
    await readText(reader);
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(await readText(reader)).toBe(": heartbeat\n\n");
  });

  it("unsubscribes and ends the stream when the client goes away", async () => {
    vi.useFakeTimers();
    const listener = fakeListener();
    const client = new AbortController();
    const reader = changeEventStream({ signal: client.signal, subscribe: listener.subscribe }).getReader();
    await readText(reader);
    expect(listener.subscribers.size).toBe(1);

    client.abort();
    expect(listener.subscribers.size).toBe(0);
    expect(await readText(reader)).toBe("<end>");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("unsubscribes when the response body is cancelled", async () => {
    vi.useFakeTimers();
    const listener = fakeListener();
    const reader = changeEventStream({ signal: new AbortController().signal, subscribe: listener.subscribe }).getReader();
    await readText(reader);
    await reader.cancel();
    expect(listener.subscribers.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("ends every open stream when the server shuts down, since the server waits for them", async () => {
    const listener = fakeListener();
    const readers = [1, 2].map(() => changeEventStream({ signal: new AbortController().signal, subscribe: listener.subscribe }).getReader());
    for (const reader of readers) await readText(reader);
    endOpenStreams();
    for (const reader of readers) expect(await readText(reader)).toBe("<end>");
    expect(listener.subscribers.size).toBe(0);
  });
});
