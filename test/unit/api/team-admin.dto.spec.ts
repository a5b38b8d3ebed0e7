import type { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe } from '../../../apps/api/src/common/validation';
import { ApiError } from '../../../apps/api/src/common/api-error';
import { CreateTeamDto, UpdateTeamDto } from '../../../apps/api/src/teams/dto/team.dto';
import { CreateStaffDto, UpdateStaffDto } from '../../../apps/api/src/teams/dto/staff.dto';
import { validationRules } from '../../../apps/api/src/common/validation-rules';

async function rejected(metatype: ArgumentMetadata['metatype'], body: unknown): Promise<{ field: string; reason: string }[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype, data: '' });
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('validation_failed');
    return [...(err as ApiError).errors!];
  }
  return [];
}
const fields = async (metatype: ArgumentMetadata['metatype'], body: unknown) => [...new Set((await rejected(metatype, body)).map((e) => e.field))];

const team = { id: 'east', name: 'East', programs: ['CCM'], regions: ['NY'], active: true };
const staff = { id: 'cm-east-1', displayName: 'Dana East', role: 'care_manager', teamId: 'east', languages: ['en', 'es'], caseloadCap: 20, active: true };

describe('team DTO validation', () => {
  it('accepts a valid team, with territories and no programs or regions at all', async () => {
    expect(await fields(CreateTeamDto, team)).toEqual([]);
    expect(await fields(CreateTeamDto, { ...team, regions: ['PR', 'GU', 'DC'] })).toEqual([]);
    expect(await fields(CreateTeamDto, { ...team, programs: [], regions: [] })).toEqual([]);
  });

  it.each([
    ['id', { ...team, id: 'East' }],
    ['id', { ...team, id: '-east' }],
    ['id', { ...team, id: 'e'.repeat(65) }],
    ['name', { ...team, name: '' }],
    ['name', { ...team, name: 'n'.repeat(201) }],
    ['programs', { ...team, programs: 'CCM' }],
    ['programs', { ...team, programs: ['ccm'] }],
    ['programs', { ...team, programs: ['CCM', 'CCM'] }],
    ['regions', { ...team, regions: ['XX'] }],
    ['regions', { ...team, regions: ['ny'] }],
    ['regions', { ...team, regions: ['NY', 'NY'] }],
    ['active', { ...team, active: 'yes' }],
    ['unexpected', { ...team, unexpected: 1 }],
  ])('rejects a bad %s, naming it', async (field, body) => {
    expect(await fields(CreateTeamDto, body)).toEqual([field]);
  });

  it('says why a region is refused', async () => {
    expect(await rejected(CreateTeamDto, { ...team, regions: ['NY', 'ZZ'] })).toEqual([{ field: 'regions', reason: 'each of regions must be a US state or territory code such as NY, CA or PR' }]);
  });

  it('names every missing field; PUT takes no id', async () => {
    expect((await fields(CreateTeamDto, {})).sort()).toEqual(['active', 'id', 'name', 'programs', 'regions']);
    expect(await fields(UpdateTeamDto, team)).toEqual(['id']);
    const { id: _id, ...update } = team;
    expect(await fields(UpdateTeamDto, update)).toEqual([]);
  });

  it('documents unique arrays for the OpenAPI document (the fuzzer must not send duplicates it expects accepted)', () => {
    expect(validationRules(UpdateTeamDto).get('regions')!.schema).toMatchObject({ type: 'array', uniqueItems: true });
  });
});

describe('staff DTO validation', () => {
  it('accepts a valid person, a supervisor, and a null cap (the program policy applies)', async () => {
    expect(await fields(CreateStaffDto, staff)).toEqual([]);
    expect(await fields(CreateStaffDto, { ...staff, role: 'supervisor', caseloadCap: null, languages: ['zh-Hant', 'pt-BR'] })).toEqual([]);
  });

  it.each([
    ['id', { ...staff, id: 'has space' }],
    ['displayName', { ...staff, displayName: '' }],
    ['role', { ...staff, role: 'admin' }],
    ['role', { ...staff, role: 'provider' }],
    ['teamId', { ...staff, teamId: 'East Team' }],
    ['teamId', { ...staff, teamId: null }],
    ['languages', { ...staff, languages: ['english!'] }],
    ['languages', { ...staff, languages: ['e'] }],
    ['languages', { ...staff, languages: 'en' }],
    ['languages', { ...staff, languages: ['en', 'en'] }],
    ['caseloadCap', { ...staff, caseloadCap: 0 }],
    ['caseloadCap', { ...staff, caseloadCap: -3 }],
    ['caseloadCap', { ...staff, caseloadCap: 2.5 }],
    ['caseloadCap', { ...staff, caseloadCap: '20' }],
    ['caseloadCap', { ...staff, caseloadCap: undefined }],
    ['active', { ...staff, active: 1 }],
  ])('rejects a bad %s, naming it', async (field, body) => {
    expect(await fields(CreateStaffDto, body)).toEqual([field]);
  });

  it('says why a cap is refused', async () => {
    const { id: _id, ...update } = staff;
    expect(await rejected(UpdateStaffDto, { ...update, caseloadCap: 0 })).toEqual([
      { field: 'caseloadCap', reason: "caseloadCap must be a whole number from 1 to 10000, or null for the program's cap" },
    ]);
  });
});
