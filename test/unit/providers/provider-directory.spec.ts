import { isValidNpi, isMailAddress, webhookUrlProblem } from '@careloop/domain';
import type { NotificationRequest, ProviderEndpoint } from '@careloop/contracts';
import { noticeRecipient, ProviderNoticeChannel, providerNoticeMessage, type MailMessage } from '@careloop/activities';
import { endpointProblems, providerInputProblems } from '../../../apps/api/src/providers/provider-input';
import { parseProviderSeed } from '../../../apps/api/src/providers/provider-seed.loader';
import { resolveFeedPcp } from '../../../apps/api/src/providers/feed-provider';

describe('NPI check digit', () => {
  it.each(['1234567893', '1000000012', '1000000095', '1555555550'])('accepts %s', (npi) => expect(isValidNpi(npi)).toBe(true));
  it.each(['1234567890', '1234567894', '123456789', '12345678931', 'abcdefghij', '1000000013'])('refuses %s', (npi) => expect(isValidNpi(npi)).toBe(false));
  it('refuses non-strings', () => expect(isValidNpi(1234567893)).toBe(false));
});

describe('endpoint rules', () => {
  it('accepts the three kinds', () => {
    expect(endpointProblems({ kind: 'webhook', url: 'https://clinic.example.org/hook' })).toEqual([]);
    expect(endpointProblems({ kind: 'email', address: 'a@clinic.example.org' })).toEqual([]);
    expect(endpointProblems({ kind: 'direct', address: 'dr@direct.clinic.example.org' })).toEqual([]);
  });

  it('names the failing field and why', () => {
    expect(endpointProblems({ kind: 'webhook', url: 'ftp://x.example.org' })).toEqual([{ field: 'endpoint.url', reason: 'endpoint.url must be an http(s) URL' }]);
    expect(endpointProblems({ kind: 'webhook', url: 'https://u:p@x.example.org' })[0]?.field).toBe('endpoint.url');
    expect(endpointProblems({ kind: 'email', address: 'not an address' })[0]?.field).toBe('endpoint.address');
    expect(endpointProblems({ kind: 'fax', number: '1' })[0]?.field).toBe('endpoint.kind');
    expect(endpointProblems({ kind: 'email', address: 'a@b.example.org', url: 'https://x' })).toEqual([{ field: 'endpoint.url', reason: 'endpoint.url is not a field of an email endpoint' }]);
    expect(endpointProblems('x')[0]?.field).toBe('endpoint');
    expect(webhookUrlProblem('relative/path')).toBe('must be an absolute http(s) URL');
    expect(isMailAddress('x@localhost')).toBe(false);
  });

  it('reports every bad field of an entry at once', () => {
    const problems = providerInputProblems({ npi: '1234567890', name: '', role: 'surgeon', endpoint: { kind: 'webhook', url: 'nope' } });
    expect(problems.map((p) => p.field)).toEqual(['npi', 'name', 'role', 'endpoint.url']);
    expect(problems[0]?.reason).toBe('npi fails the NPI check digit');
  });
});

describe('provider seed file', () => {
  const good = { id: 'prov-1', npi: '1000000012', name: 'Dr. A', role: 'pcp', endpoint: { kind: 'email', address: 'a@clinic.example.org' } };
  it('parses entries', () => expect(parseProviderSeed(JSON.stringify([good]), 'seed.json')).toEqual([good]));
  it('names the entry and field of a bad one', () => {
    expect(() => parseProviderSeed(JSON.stringify([good, { ...good, id: 'prov-2', npi: '1000000013' }]), 'seed.json')).toThrow('seed.json[1].npi: npi fails the NPI check digit');
    expect(() => parseProviderSeed('{}', 'seed.json')).toThrow('must be a JSON list');
  });
});

describe('feed PCP resolution', () => {
  const directory = { byNpi: async (npi: string) => (npi === '1000000095' ? ({ id: 'prov-9', active: true } as never) : npi === '1000000012' ? ({ id: 'prov-1', active: false } as never) : null) };
  it('maps a known active NPI to its directory id and keeps anything else', async () => {
    expect(await resolveFeedPcp(directory, '1000000095')).toBe('prov-9');
    expect(await resolveFeedPcp(directory, '1000000012')).toBe('1000000012'); // inactive: as sent
    expect(await resolveFeedPcp(directory, '1234567893')).toBe('1234567893'); // unknown NPI
    expect(await resolveFeedPcp(directory, 'DR-SMITH')).toBe('DR-SMITH');
    expect(await resolveFeedPcp(directory, null)).toBeNull();
  });
});

describe('provider notice delivery', () => {
  const notice = (patch: Partial<NotificationRequest> = {}): NotificationRequest => ({
    key: 'case-ccm-0123456789abcdef01234567:e1:pcp:1',
    caseId: 'case-ccm-0123456789abcdef01234567',
    audience: 'provider',
    channel: 'task_queue',
    template: 'pcp_care_plan_handover',
    params: { pcpId: 'prov-9', activePlanVersion: 1 },
    ...patch,
  });

  it('finds the recipient: explicit, else params.providerId, else params.pcpId; only for the provider audience', () => {
    expect(noticeRecipient(notice({ recipientProviderId: 'prov-2' }))).toBe('prov-2');
    expect(noticeRecipient(notice({ params: { providerId: 'prov-1', pcpId: 'prov-9' } }))).toBe('prov-1');
    expect(noticeRecipient(notice())).toBe('prov-9');
    expect(noticeRecipient(notice({ params: { reportSeq: 3 } }))).toBeNull();
    expect(noticeRecipient(notice({ audience: 'care_team' }))).toBeNull();
  });

  it('says only that there is a notice and where to read it', () => {
    const m = providerNoticeMessage(notice(), 'https://careloop.example.org/');
    expect(m.link).toBe('https://careloop.example.org/app/provider');
    expect(m.text).toContain('https://careloop.example.org/app/provider');
    expect(`${m.subject} ${m.text}`).not.toMatch(/case-ccm|prov-9|activePlanVersion/);
    expect(providerNoticeMessage(notice(), 'https://x').reference).toBe(m.reference); // stable per key
  });

  function channel(endpoint: ProviderEndpoint | null, mail: MailMessage[] | null) {
    const fallback: NotificationRequest[] = [];
    const ch = new ProviderNoticeChannel({
      directory: { endpointOf: async () => endpoint },
      fallback: { name: 'log', deliver: async (n) => void fallback.push(n) },
      mail: mail ? { send: async (m) => void mail.push(m) } : null,
      publicUrl: 'https://careloop.example.org',
    });
    return { ch, fallback };
  }

  it('mails email endpoints through the relay, with a stable message id', async () => {
    const sent: MailMessage[] = [];
    const { ch, fallback } = channel({ kind: 'email', address: 'inbox@clinic.example.org' }, sent);
    await ch.deliver(notice());
    expect(fallback).toEqual([]);
    expect(sent).toEqual([{ to: 'inbox@clinic.example.org', subject: 'CareLoop: a new notice for you', text: expect.stringContaining('/app/provider'), messageId: expect.stringMatching(/^<[0-9a-f]{32}@careloop\.notices>$/) }]);
  });

  it('without a relay (a local demo), sends email and Direct notices to the fallback channel instead of failing', async () => {
    const { ch, fallback } = channel({ kind: 'direct', address: 'dr@direct.example.org' }, null);
    await ch.deliver(notice());
    expect(fallback).toEqual([notice()]);
  });

  it('sends everything else, and providers not in the directory, to the fallback channel', async () => {
    const { ch, fallback } = channel(null, []);
    await ch.deliver(notice());
    await ch.deliver(notice({ audience: 'care_team' }));
    expect(fallback).toHaveLength(2);
  });
});
