import { CollectedGauge, Histogram, MetricsRegistry } from '@careloop/observability';

describe('MetricsRegistry (Prometheus text format)', () => {
  it('renders histograms cumulatively with +Inf, sum and count, and collected gauges', async () => {
    const registry = new MetricsRegistry();
    const h = registry.register(new Histogram('req_seconds', 'Latency.', [0.1, 0.5]));
    h.observe({ route: '/cases/:id' }, 0.05);
    h.observe({ route: '/cases/:id' }, 0.3);
    h.observe({ route: '/cases/:id' }, 2);
    registry.register(new CollectedGauge('cases_open', 'Open cases.', async () => [{ labels: { phase: 'screening', program: 'CCM' }, value: 4 }]));
    const text = await registry.render();
    expect(text).toContain('# TYPE req_seconds histogram');
    expect(text).toContain('req_seconds_bucket{route="/cases/:id",le="0.1"} 1');
    expect(text).toContain('req_seconds_bucket{route="/cases/:id",le="0.5"} 2');
    expect(text).toContain('req_seconds_bucket{route="/cases/:id",le="+Inf"} 3');
    expect(text).toContain('req_seconds_count{route="/cases/:id"} 3');
    expect(text).toContain('cases_open{phase="screening",program="CCM"} 4');
  });

  it('refuses free text as a label value, and counts a collector that fails instead of failing the scrape', async () => {
    const h = new Histogram('x', 'x', [1]);
    expect(() => h.observe({ member: 'Jane Doe' }, 1)).toThrow(RangeError);
    const registry = new MetricsRegistry();
    registry.register(new CollectedGauge('broken', 'Fails.', () => Promise.reject(new Error('ECONNREFUSED'))));
    registry.register(new CollectedGauge('fine', 'Works.', async () => [{ labels: {}, value: 1 }]));
    const text = await registry.render();
    expect(text).toContain('fine 1');
    expect(text).toContain('careloop_metrics_collect_errors_total{metric="broken"} 1');
  });
});
