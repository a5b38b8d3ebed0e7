import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { MemberInput } from '@careloop/contracts';
import { BlindIndex, FieldCipher, runMigrations } from '@careloop/persistence';
import type { ApiConfig } from '../../apps/api/src/api.config';
import { ApiError } from '../../apps/api/src/common/api-error';
import { MemberRegistry } from '../../apps/api/src/members/member-registry.service';
import { dateFromToday } from '../support/fixture-dates';
import { freshDatabase } from '../support/integration-database';

/** MemberRegistry (what case start and the intakes will inject) on real Postgres. */
describe('MemberRegistry (real Postgres)', () => {
  let ds: DataSource;
  let registry: MemberRegistry;

  const input = (plan: string, extra: Partial<MemberInput> = {}): MemberInput => ({
    identifiers: [{ kind: 'plan', value: plan }],
    name: { given: ['Wren'], family: 'Halloway' },
    birthDate: '1947-03-09',
    sex: 'male',
    phones: [{ use: 'home', number: '+15125550123' }],
    portal: false,
    contactPreferences: { method: 'phone', windows: [{ days: ['tue'], from: '10:00', to: '11:00' }], timeZone: 'America/Chicago' },
    preferredLanguage: 'en',
    interpreterNeeded: false,
    representatives: [],
    eligibility: [],
    enrollments: [],
    ...extra,
  });
  const rep = { name: 'Juno Halloway', relationship: 'guardian' as const, authorities: ['consent_care_plan' as const], validFrom: dateFromToday(-10), validUntil: null };

  beforeAll(async () => {
    ds = await freshDatabase('member_registry');
    await runMigrations(ds);
    const config = { memberCrypto: { cipher: new FieldCipher([{ id: 'k1', key: randomBytes(32) }]), index: new BlindIndex(randomBytes(32)) } } as unknown as ApiConfig;
    registry = new MemberRegistry(ds, config);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('createOrMatch registers once per plan id, concurrently too, and flags a same-name member with another plan id', async () => {
    const [a, b] = await Promise.all([registry.createOrMatch(input('PLAN-R-1'), 'intake:a'), registry.createOrMatch(input('PLAN-R-1'), 'intake:b')]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.member.id).toBe(b.member.id);
    const other = await registry.createOrMatch(input('PLAN-R-2'), 'intake:a');
    expect(other.created).toBe(true);
    expect(other.duplicateFlagId).toMatch(/^dup_/);
    expect((await registry.findById(a.member.id))?.openDuplicateFlags).toEqual([other.duplicateFlagId]);
    expect((await registry.findByPlanId('PLAN-R-2'))?.id).toBe(other.member.id);
  });

  it('create answers 409 member_plan_id_taken and 400 naming the field, storing nothing', async () => {
    await registry.create(input('PLAN-R-3'), 'cm-1');
    await expect(registry.create(input('PLAN-R-3'), 'cm-1')).rejects.toMatchObject({ code: 'member_plan_id_taken' });
    const bad = registry.create(input('PLAN-R-4', { birthDate: dateFromToday(1) }), 'cm-1');
    await expect(bad).rejects.toBeInstanceOf(ApiError);
    await expect(bad).rejects.toMatchObject({ code: 'validation_failed', errors: [{ field: 'birthDate' }] });
    expect(await registry.findByPlanId('PLAN-R-4')).toBeNull();
  });

  it('replace keeps representative ids sent back, gives new ones rep_ ids, refuses unknown ids and stale versions', async () => {
    const { member } = await registry.create(input('PLAN-R-5', { representatives: [rep] }), 'cm-1');
    const repId = member.representatives[0]!.id;
    expect(repId).toMatch(/^rep_[0-9a-hjkmnp-tv-z]{26}$/);
    const next = await registry.replace(member.id, 1, input('PLAN-R-5', { representatives: [{ ...rep, id: repId }, { ...rep, name: 'Ode Halloway' }] }), 'cm-2');
    expect(next.version).toBe(2);
    expect(next.representatives[0]!.id).toBe(repId);
    expect(next.representatives[1]!.id).toMatch(/^rep_/);
    expect(next.representatives[1]!.id).not.toBe(repId);
    await expect(registry.replace(member.id, 1, input('PLAN-R-5'), 'cm-3')).rejects.toMatchObject({ code: 'member_version_mismatch' });
    await expect(registry.replace(member.id, 2, input('PLAN-R-5', { representatives: [{ ...rep, id: 'rep_00000000000000000000000000' }] }), 'cm-3')).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'representatives[0].id' }],
    });
    expect((await registry.versions(member.id))!.map((v) => v.record.representatives.length)).toEqual([2, 1]);
    await expect(registry.replace('mbr_00000000000000000000000000', 1, input('PLAN-R-5'), 'cm-3')).rejects.toMatchObject({ code: 'member_not_found' });
  });
});
