import { beforeAll, describe, expect, it } from "vitest";
import { cycles, importGraph, type ImportGraph } from "./import-graph";
import { LAYERS, layerOf } from "./layers";

// Measured with dependency-cruiser over lib/'s product code (tests may exercise parts together).

let graph: ImportGraph;
beforeAll(async () => {
  graph = await importGraph();
});

const describeEdge = (edge: { from: string; to: string; example: string }) => `${edge.from} → ${edge.to} (${edge.example})`;

describe("lib/", () => {
  it("has no import cycle between its parts", () => {
    const found = cycles(graph.edges).map((members) => {
      const inside = graph.edges.filter((edge) => members.includes(edge.from) && members.includes(edge.to));
      return `${members.join(", ")} reach one another:\n  ${inside.map(describeEdge).join("\n  ")}`;
    });
    expect(found, found.join("\n\n")).toEqual([]);
  });

  it("places every part in a layer", () => {
    const parts = [...new Set(graph.edges.flatMap((edge) => [edge.from, edge.to]))];
    const unplaced = parts.filter((part) => layerOf(part) === -1);
    expect(unplaced, `add these to test/architecture/layers.ts and the README's diagram: ${unplaced.join(", ")}`).toEqual([]);
  });

  it("imports only down the layers", () => {
    const against = graph.edges.filter((edge) => {
      const from = layerOf(edge.from);
      const to = layerOf(edge.to);
      return to > from || (to === from && !LAYERS[from]!.shared);
    });
    const explained = against.map((edge) => `${describeEdge(edge)}: ${LAYERS[layerOf(edge.from)]!.name} may not import ${LAYERS[layerOf(edge.to)]!.name}`);
    expect(explained, explained.join("\n")).toEqual([]);
  });

  it("imports nothing from app/, components/, tests, benchmarks or scripts", () => {
    expect(graph.leavingLib).toEqual([]);
  });
});
