import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { BlindIndex, FieldCipher, MemberRepository, PlanMemberIdTaken, runMigrations, type MemberRecord } from '@careloop/persistence';
import { MEMBER_ID_PATTERN } from '@careloop/contracts';
import { freshDatabase } from '../support/integration-database';

/**
 * The member registry against real Postgres: PHI only as ciphertext in every
 * member table, exact search through blind indexes, versions kept, key
 * rotation (new key first still reads old rows) and re-encryption.
 */
describe('MemberRepository (real Postgres)', () => {
  let ds: DataSource;
  const oldKey = { id: 'k-old', key: randomBytes(32) };
  const newKey = { id: 'k-new', key: randomBytes(32) };
  const index = new BlindIndex(randomBytes(32));
  let repo: MemberRepository;

  const record = (plan: string, given: string, family: string, phone = '+15125550100'): MemberRecord => ({
    identifiers: [
      { kind: 'plan', value: plan },
      { kind: 'medicaid', value: `MCD-${plan}`, system: 'urn:oid:2.16.840.1.113883.4.3.48' },
    ],
    name: { given: [given], family },
    birthDate: '1958-07-14',
    sex: 'female',
    address: { lines: ['12 Quillback Lane'], city: 'Austin', state: 'TX', postalCode: '78701' },
    phones: [{ use: 'mobile', number: phone }],
    email: 'zyxwoman@example.org',
    portal: false,
    contactPreferences: { method: 'phone', windows: [], timeZone: 'America/Chicago' },
    preferredLanguage: 'es',
    interpreterNeeded: true,
    representatives: [],
    pcpProviderId: null,
    eligibility: [],
    enrollments: [],
  });

  beforeAll(async () => {
    ds = await freshDatabase('members');
    await runMigrations(ds);
    repo = new MemberRepository(ds, new FieldCipher([oldKey]), index);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('stores no name, birth date, phone, address or identifier in clear in any member table', async () => {
    const { member } = await repo.create(record('PLAN-SCAN-1', 'Quennell', 'Vardamore'), 'cm-1');
    expect(member.id).toMatch(MEMBER_ID_PATTERN);
    await repo.update(member.id, 1, record('PLAN-SCAN-1', 'Quennell', 'Vardamore', '+15125550177'), 'cm-2');
    const tables = ['members', 'member_versions', 'member_search_index', 'member_duplicate_flags'];
    for (const table of tables) {
      const rows = await ds.query(`SELECT t::text AS row FROM ${table} t`);
      const text = (rows as { row: string }[]).map((r) => r.row).join('\n').toLowerCase();
      for (const phi of ['quennell', 'vardamore', '1958-07-14', '5125550100', '5125550177', 'quillback', 'plan-scan-1', 'mcd-plan', 'zyxwoman']) {
        expect({ table, leaked: text.includes(phi) ? phi : null }).toEqual({ table, leaked: null });
      }
    }
    const [count] = (await ds.query(`SELECT count(*)::int AS n FROM member_versions WHERE member_id = $1`, [member.id])) as { n: number }[];
    expect(count!.n).toBe(2);
  });

  it('finds by plan id and by name and birth date (normalised), exactly', async () => {
    const { member } = await repo.create(record('PLAN-FIND-1', 'Ána', 'de la Cruz'), 'cm-1');
    expect((await repo.findByPlanId('PLAN-FIND-1'))?.id).toBe(member.id);
    expect((await repo.findByPlanId(' plan-find-1 '))?.id).toBe(member.id);
    expect(await repo.findByPlanId('PLAN-FIND')).toBeNull();
    expect((await repo.searchByName('DE LA  CRUZ', '1958-07-14')).map((m) => m.id)).toEqual([member.id]);
    expect((await repo.searchByName('de la cruz', '1958-07-14', 'ana')).map((m) => m.id)).toEqual([member.id]);
    expect(await repo.searchByName('de la cruz', '1958-07-15')).toEqual([]);
    expect(await repo.searchByName('de la cruz', '1958-07-14', 'Anna')).toEqual([]);
  });

  it('refuses a plan id registered already, and flags a same-name-and-birth-date member with another plan id', async () => {
    const first = await repo.create(record('PLAN-DUP-1', 'Orla', 'Pennyfeather'), 'cm-1');
    await expect(repo.create(record('PLAN-DUP-1', 'Someone', 'Else'), 'cm-1')).rejects.toEqual(new PlanMemberIdTaken(first.member.id));
    const second = await repo.create(record('PLAN-DUP-2', 'orla', 'PENNYFEATHER'), 'intake:hospital-a');
    expect(second.duplicateFlagIds).toHaveLength(1);
    const flag = await repo.duplicateFlag(second.duplicateFlagIds[0]!);
    expect(flag).toMatchObject({ memberIds: [first.member.id, second.member.id], reason: 'same_name_and_birth_date', flaggedBy: 'intake:hospital-a', resolution: null });
    expect(await repo.openFlagIdsFor(first.member.id)).toEqual(second.duplicateFlagIds);
    const resolved = await repo.resolveFlag(flag!.id, 'distinct_people', 'sup-1');
    expect(resolved).toMatchObject({ resolution: 'distinct_people', resolvedBy: 'sup-1' });
    expect(await repo.resolveFlag(flag!.id, 'distinct_people', 'sup-1')).toEqual(resolved);
    expect(await repo.resolveFlag(flag!.id, 'same_person', 'sup-1')).toBe('already_resolved');
    expect(await repo.openFlagIdsFor(first.member.id)).toEqual([]);
  });

  it('keeps every version and refuses a stale version', async () => {
    const { member } = await repo.create(record('PLAN-VER-1', 'Iver', 'Tamsin'), 'cm-1');
    const updated = await repo.update(member.id, 1, record('PLAN-VER-1', 'Iver', 'Tamsin', '+15125550222'), 'cm-2');
    expect(updated).toMatchObject({ version: 2 });
    expect(await repo.update(member.id, 1, record('PLAN-VER-1', 'Iver', 'Tamsin', '+15125550333'), 'cm-3')).toBe('version_mismatch');
    expect(await repo.update('mbr_00000000000000000000000000', 1, record('PLAN-VER-1', 'Iver', 'Tamsin'), 'cm-3')).toBe('not_found');
    const versions = await repo.versions(member.id);
    expect(versions.map((v) => [v.version, v.changedBy, v.record.phones[0]!.number])).toEqual([
      [2, 'cm-2', '+15125550222'],
      [1, 'cm-1', '+15125550100'],
    ]);
  });

  it('reads old rows after rotation (new key first) and re-encryption moves them to the new key', async () => {
    const { member } = await repo.create(record('PLAN-ROT-1', 'Hesper', 'Oakenfold'), 'cm-1');
    const rotated = new MemberRepository(ds, new FieldCipher([newKey, oldKey]), index);
    expect((await rotated.findById(member.id))?.record.name.family).toBe('Oakenfold');
    const before = await rotated.keyUsage();
    expect(before.find((k) => k.keyId === 'k-old')!.rows).toBeGreaterThan(0);

    let moved = 0;
    for (let n = await rotated.reencryptBatch(3); n > 0; n = await rotated.reencryptBatch(3)) moved += n;
    expect(moved).toBe(before.find((k) => k.keyId === 'k-old')!.rows);
    expect(await rotated.keyUsage()).toEqual([{ keyId: 'k-new', rows: moved }]);

    const newOnly = new MemberRepository(ds, new FieldCipher([newKey]), index);
    expect((await newOnly.findById(member.id))?.record.name.given).toEqual(['Hesper']);
    expect((await newOnly.versions(member.id))[0]!.record.identifiers[0]!.value).toBe('PLAN-ROT-1');
    await expect(repo.findById(member.id)).rejects.toThrow(/key "k-new", which is not configured/);
  });

  it('binds a ciphertext to its row: a record copied onto another member does not decrypt', async () => {
    const a = await repo.create(record('PLAN-AAD-1', 'Brisa', 'Ulmer'), 'cm-1');
    const b = await repo.create(record('PLAN-AAD-2', 'Cato', 'Ulmer'), 'cm-1');
    await ds.query(`UPDATE members SET record = (SELECT record FROM members WHERE id = $1) WHERE id = $2`, [a.member.id, b.member.id]);
    await expect(new MemberRepository(ds, new FieldCipher([newKey, oldKey]), index).findById(b.member.id)).rejects.toThrow();
  });
});
