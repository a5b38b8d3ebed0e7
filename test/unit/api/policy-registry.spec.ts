import { join } from 'node:path';
import { PolicyRegistry } from '../../../apps/api/src/policies/policy-registry';
import type { ApiConfig } from '../../../apps/api/src/api.config';

const registry = (file: string) => new PolicyRegistry({ policyFile: join(__dirname, '..', '..', '..', 'config', file) } as ApiConfig);

describe('PolicyRegistry review policy', () => {
  it('reads the reviews entry of the shipped policy files', () => {
    expect(registry('policies.json').reviews).toMatchObject({ version: 'reviews@2026-11', utilizationReview: { decisionMs: { standard: 7 * 86_400_000 } } });
    const demo = registry('policies.demo.json').reviews;
    expect(demo.version).toBe('reviews@demo-1');
    expect(demo.utilizationReview.decisionMs).toEqual({ expedited: 180_000, standard: 420_000 });
    expect(demo.complaints).toEqual({ acknowledgeMs: 60_000, resolveMs: 300_000 });
  });
});
