import { RISK_TIERS, riskPriority, workItemPriority } from '@careloop/domain';

describe('workItemPriority (the worklists\' priority rule)', () => {
  it('makes missed work, escalations and stop-participation reviews urgent whatever the risk', () => {
    for (const riskTier of [...RISK_TIERS, null]) {
      expect(workItemPriority({ kind: 'contact', missed: true, riskTier })).toBe('urgent');
      expect(workItemPriority({ kind: 'escalation', missed: false, riskTier })).toBe('urgent');
      expect(workItemPriority({ kind: 'stop_participation_review', missed: false, riskTier })).toBe('urgent');
    }
  });

  it('otherwise follows the risk tier: high → high, low → low, medium or unknown → normal', () => {
    expect(workItemPriority({ kind: 'contact', missed: false, riskTier: 'high' })).toBe('high');
    expect(workItemPriority({ kind: 'assessment', missed: false, riskTier: 'medium' })).toBe('normal');
    expect(workItemPriority({ kind: 'contact', missed: false, riskTier: 'low' })).toBe('low');
    expect(workItemPriority({ kind: 'ur_decision', missed: false, riskTier: null })).toBe('normal');
    expect(riskPriority('high')).toBe('high');
    expect(riskPriority(null)).toBe('normal');
  });
});
