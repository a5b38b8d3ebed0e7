/**
 * A small Prometheus registry (text exposition format 0.0.4): counters,
 * gauges filled at scrape time, and histograms. Label values are codes only
 * (phase, program, kind, route pattern, status): never member data.
 */
type Labels = Record<string, string>;

const LABEL_VALUE = /^[A-Za-z0-9_:./@+-]{0,128}$/;

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) {
    return '';
  }
  return `{${entries
    .map(([k, v]) => {
      // A value outside the code alphabet is refused rather than escaped: labels never carry free text.
      if (!LABEL_VALUE.test(v)) {
        throw new RangeError(`metric label ${k} has a value outside [A-Za-z0-9_:./@+-]`);
      }
      return `${k}="${v}"`;
    })
    .join(',')}}`;
}

interface Metric {
  render(): Promise<string[]>;
}

export class Histogram implements Metric {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {}

  observe(labels: Labels, value: number): void {
    const key = labelText(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    this.buckets.forEach((b, i) => {
      if (value <= b) {
        s.counts[i]! += 1;
      }
    });
    s.sum += value;
    s.count += 1;
  }

  async render(): Promise<string[]> {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
      lines.push(`${this.name}_sum${labelText(s.labels)} ${s.sum}`, `${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return lines;
  }
}

/** A gauge whose samples are read when scraped (e.g. a GROUP BY in Postgres). A failing read is reported, not thrown. */
export class CollectedGauge implements Metric {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly collect: () => Promise<{ labels: Labels; value: number }[]>,
  ) {}

  async render(): Promise<string[]> {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`];
    for (const { labels, value } of await this.collect()) {
      lines.push(`${this.name}${labelText(labels)} ${value}`);
    }
    return lines;
  }
}

export class MetricsRegistry {
  private readonly metrics: Metric[] = [];
  private readonly collectErrors = new Map<string, number>();

  register<M extends Metric>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }

  /** The whole exposition; a collector that fails (Postgres down) is skipped and counted. */
  async render(): Promise<string> {
    const parts: string[] = [];
    for (const m of this.metrics) {
      try {
        parts.push(...(await m.render()));
      } catch {
        const name = (m as { name?: string }).name ?? 'unknown';
        this.collectErrors.set(name, (this.collectErrors.get(name) ?? 0) + 1);
      }
    }
    parts.push('# HELP careloop_metrics_collect_errors_total Scrapes in which a collector failed (e.g. Postgres unreachable).');
    parts.push('# TYPE careloop_metrics_collect_errors_total counter');
    for (const [name, n] of this.collectErrors) {
      parts.push(`careloop_metrics_collect_errors_total${labelText({ metric: name })} ${n}`);
    }
    return `${parts.join('\n')}\n`;
  }
}
