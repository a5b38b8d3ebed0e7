import { contactPointIssue, isContactPoint, outreachChannel, resolveProgramPolicy } from '@careloop/domain';

describe('outreach channel and contact points', () => {
  const policy = resolveProgramPolicy('CCM', undefined); // channels phone, phone, letter
  const sms = { method: 'sms', points: ['phone:mobile', 'sms:mobile'] } as const;

  it('uses the preferred method when outreach can use it and the member has such a point', () => {
    expect(outreachChannel(1, policy, sms, [])).toBe('sms');
    expect(outreachChannel(2, policy, sms, [{ channel: 'sms', outcome: 'no_answer' }])).toBe('sms');
    expect(outreachChannel(1, policy, { method: 'portal', points: ['portal'] }, [])).toBe('portal');
  });

  it('falls back to the policy after a wrong number on the preferred channel, without a preference, or for methods outreach cannot use', () => {
    expect(outreachChannel(2, policy, sms, [{ channel: 'sms', outcome: 'wrong_number' }])).toBe('phone');
    expect(outreachChannel(3, policy, null, [])).toBe('letter');
    expect(outreachChannel(1, policy, { method: 'email', points: ['email'] }, [])).toBe('phone');
    // sms preferred, but no number takes texts: the policy's channel.
    expect(outreachChannel(1, policy, { method: 'sms', points: ['phone:home'] }, [])).toBe('phone');
  });

  it('skips a policy channel that had a wrong number while the policy has another', () => {
    const phone = { method: 'phone', points: ['phone:home'] } as const;
    expect(outreachChannel(2, policy, phone, [{ channel: 'phone', outcome: 'wrong_number' }])).toBe('letter');
  });

  it('names contact points without PHI and says why one does not fit', () => {
    expect(['phone:mobile', 'sms:work', 'email', 'portal', 'letter:address', 'representative:rep_abc'].every(isContactPoint)).toBe(true);
    expect(['+15125550100', 'phone', 'sms:pager', 'letter:home', 'representative:bob'].some(isContactPoint)).toBe(false);
    expect(contactPointIssue('sms:home', ['phone:home'])).toMatch(/smsOk/);
    expect(contactPointIssue('portal', ['phone:home'])).toMatch(/Not one of/);
    expect(contactPointIssue('portal', ['portal'])).toBeNull();
  });
});
