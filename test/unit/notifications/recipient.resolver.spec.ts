import type { NotificationPreferences, NotificationRequest } from '@careloop/contracts';
import type { NotificationSubjectRow, StaffContactRow, WorkItemOwnerRow } from '@careloop/persistence';
import { resolveRecipients, type MemberContact, type RecipientDirectory } from '../../../activities/notifications';

const person = (id: string, extra: Partial<StaffContactRow> = {}): StaffContactRow => ({ id, email: `${id}@example.org`, phone: null, languages: ['en'], ...extra });

interface World {
  items?: Record<string, WorkItemOwnerRow>;
  subjects?: Record<string, NotificationSubjectRow>;
  staff?: Array<StaffContactRow & { role: 'care_manager' | 'supervisor'; team: string | null }>;
  prefs?: Record<string, NotificationPreferences>;
  members?: Record<string, MemberContact>;
}

function directory(w: World): RecipientDirectory {
  const staff = w.staff ?? [];
  return {
    workItemOwner: async (id) => w.items?.[id] ?? null,
    openWorkItemOfTask: async (caseId, taskKey) => w.items?.[`${caseId}/${taskKey}`] ?? null,
    subjectOf: async (id) => w.subjects?.[id] ?? null,
    staffWithRole: async (role, team) => staff.filter((s) => s.role === role && (team === null || s.team === team)),
    staffById: async (id) => staff.find((s) => s.id === id) ?? null,
    preferencesOf: async (id) => w.prefs?.[id] ?? null,
    memberContact: async (id) => w.members?.[id] ?? null,
  };
}

const notice = (audience: NotificationRequest['audience'], params: NotificationRequest['params'] = {}): NotificationRequest => ({ key: 'k', caseId: 'c-1', audience, channel: 'task_queue', template: 't', params });
const both = { email: true, sms: true };
const refs = async (n: NotificationRequest, w: World) => (await resolveRecipients(n, directory(w), both)).map((r) => r.ref);

const world: World = {
  subjects: { 'c-1': { careManagerId: 'cm-1', teamId: 'east', memberId: 'm-1', complainantMemberId: null } },
  staff: [
    { ...person('cm-1'), role: 'care_manager', team: 'east' },
    { ...person('cm-2'), role: 'care_manager', team: 'east' },
    { ...person('cm-3'), role: 'care_manager', team: 'west' },
    { ...person('sup-e'), role: 'supervisor', team: 'east' },
    { ...person('sup-w'), role: 'supervisor', team: 'west' },
  ],
};

describe('recipient resolution', () => {
  it('care_team: the named owner of the work item', async () => {
    expect(await refs(notice('care_team', { workItemId: 'w1' }), { ...world, items: { w1: { ownerStaffId: 'cm-2', ownerTeamId: 'east', ownerRole: 'care_manager' } } })).toEqual(['staff:cm-2']);
  });

  it("care_team: every active person of the role in the item's queue", async () => {
    expect(await refs(notice('care_team', { workItemId: 'w1' }), { ...world, items: { w1: { ownerStaffId: null, ownerTeamId: 'east', ownerRole: 'care_manager' } } })).toEqual(['staff:cm-1', 'staff:cm-2']);
  });

  it('care_team: the item of the named task when no item id is given', async () => {
    expect(await refs(notice('care_team', { taskKey: 'contact-3' }), { ...world, items: { 'c-1/contact-3': { ownerStaffId: 'cm-3', ownerTeamId: 'west', ownerRole: 'care_manager' } } })).toEqual(['staff:cm-3']);
  });

  it("care_team: else the case's care manager, else the care managers of its team", async () => {
    expect(await refs(notice('care_team'), world)).toEqual(['staff:cm-1']);
    const unassigned = { ...world, subjects: { 'c-1': { careManagerId: null, teamId: 'east', memberId: null, complainantMemberId: null } } };
    expect(await refs(notice('care_team'), unassigned)).toEqual(['staff:cm-1', 'staff:cm-2']);
  });

  it("supervisor: the case team's supervisors, else every supervisor", async () => {
    expect(await refs(notice('supervisor'), world)).toEqual(['staff:sup-e']);
    expect(await refs({ ...notice('supervisor'), caseId: 'ur-9' }, world)).toEqual(['staff:sup-e', 'staff:sup-w']);
  });

  it('staff channels: the inbox always; email by default; preferences, addresses and configured senders decide the rest', async () => {
    const prefs: NotificationPreferences = { channels: ['sms'], quietHours: { start: '22:00', end: '07:00', timeZone: 'America/Chicago' }, language: 'es' };
    const w: World = { ...world, staff: [{ ...person('cm-1', { phone: '+15550001111' }), role: 'care_manager', team: 'east' }], prefs: { 'cm-1': prefs } };
    const [r] = await resolveRecipients(notice('care_team'), directory(w), both);
    expect(r).toEqual({ ref: 'staff:cm-1', channels: ['in_app', 'sms'], language: 'es', timeZone: 'America/Chicago', quietHours: prefs.quietHours });
    const [d] = await resolveRecipients(notice('care_team'), directory(world), { email: false, sms: false });
    expect(d!.channels).toEqual(['in_app']);
    const [e] = await resolveRecipients(notice('care_team'), directory(world), both);
    expect(e!.channels).toEqual(['in_app', 'email']);
  });

  it("member: the registry contact by their preferred method and language (a complaint's member complainant first)", async () => {
    const members: Record<string, MemberContact> = {
      'm-1': { id: 'm-1', email: 'a@example.org', smsPhone: '+15550002222', method: 'sms', preferredLanguage: 'es-MX', timeZone: 'America/Chicago' },
      'm-2': { id: 'm-2', email: 'b@example.org', smsPhone: null, method: 'letter', preferredLanguage: 'fr', timeZone: 'UTC' },
    };
    const [m] = await resolveRecipients(notice('member'), directory({ ...world, members }), both);
    expect(m).toMatchObject({ ref: 'member:m-1', channels: ['sms'], language: 'es' });
    const complaint = { ...world, members, subjects: { 'cp-1': { careManagerId: null, teamId: null, memberId: 'm-1', complainantMemberId: 'm-2' } } };
    // m-2 wants letters only: nothing here (letters go through the existing channel).
    expect(await resolveRecipients({ ...notice('member'), caseId: 'cp-1' }, directory(complaint), both)).toEqual([]);
  });

  it('provider and committee notices are not resolved to people (they keep the existing channel)', async () => {
    expect(await refs(notice('provider'), world)).toEqual([]);
    expect(await refs(notice('committee'), world)).toEqual([]);
  });
});
