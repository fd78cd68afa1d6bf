import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conflictKinds } from './monitoring/classify-conflict.ts';
import { createMetrics } from './monitoring/create-metrics.ts';

interface Panel {
  title: string;
  targets: { expr: string }[];
}

const dashboard = JSON.parse(
  readFileSync(new URL('../../docs/grafana-dashboard.json', import.meta.url), 'utf8'),
) as { panels: Panel[] };
const expressions = dashboard.panels.flatMap((panel) => panel.targets.map((t) => t.expr));

// Keeps docs/grafana-dashboard.json true to what GET /metrics exports.
describe('the Grafana dashboard', () => {
  it('queries only metrics the server exports', () => {
    const { registry } = createMetrics();
    const names = expressions.flatMap((expr) =>
      [...expr.matchAll(/\bconcord_\w+/g)].map((m) => m[0]),
    );
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const metric = name.replace(/_(bucket|count|sum)$/, '');
      expect(registry.getSingleMetric(metric), name).toBeDefined();
    }
  });

  it('names only conflict kinds the server counts', () => {
    const kinds = expressions.flatMap((expr) =>
      [...expr.matchAll(/kind="([^"]+)"/g)].map((m) => m[1]),
    );
    for (const kind of kinds) expect(conflictKinds).toContain(kind);
  });

  it('has the panels the issue asks for', () => {
    const titles = dashboard.panels.map((panel) => panel.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Conflicts per minute, by kind',
        'How conflicts were resolved',
        'Latency p50 by route',
        'Latency p95 by route',
        'Open event streams',
      ]),
    );
  });
});
