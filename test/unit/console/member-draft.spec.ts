import type { MemberView } from '@careloop/contracts';
import { ApiProblem } from '../../../apps/console/src/api-problem';
import { draftOf, emptyDraft, onInputs, toInput } from '../../../apps/console/src/member.draft';
import { memberBody } from '../../support/member-fixtures';

/** The member form's working copy: what it sends is the record it was opened with, unless edited. */
describe('console member draft', () => {
  const view = (): MemberView => {
    const { representatives, ...body } = memberBody('M-DRAFT-1', {
      name: { given: ['Ana', 'María'], family: 'Núñez-Olvera', preferred: 'Anita' },
      genderIdentity: 'woman',
      email: 'ana@example.org',
      pcpProviderId: 'prov-1',
      representatives: [],
    });
    return {
      ...body,
      representatives: [
        ...representatives.map((r, i) => ({ ...r, id: `rep_${i}` })),
        { id: 'rep_0123456789abcdefghjkmnpqrs', name: 'Marco', relationship: 'guardian', authorities: ['consent_care_plan'], validFrom: '1990-01-01', validUntil: null, phone: '+13125550111' },
      ],
      id: 'mbr_0123456789abcdefghjkmnpqrs',
      version: 3,
      createdAt: '1990-01-01T00:00:00.000Z',
      updatedAt: '1990-01-01T00:00:00.000Z',
      openDuplicateFlags: [],
    };
  };

  it('sends back the record it was opened with, representative ids included', () => {
    const m = view();
    const { id: _id, version: _version, createdAt: _c, updatedAt: _u, openDuplicateFlags: _f, ...record } = m;
    expect(toInput(draftOf(m))).toEqual({ ...record, identifiers: [{ kind: 'plan', value: 'M-DRAFT-1' }] });
  });

  it('leaves blank optional values out and sends open ends as null', () => {
    const d = emptyDraft('America/Chicago');
    d.enrollments.push({ programCode: 'CCM', start: '1990-01-01', end: '' });
    d.representatives.push({ id: '', name: 'R', relationship: 'parent', authorities: ['receive_information'], validFrom: '1990-01-01', validUntil: '', phone: '', email: '', preferredLanguage: '' });
    const input = toInput(d);
    expect(input).not.toHaveProperty('address');
    expect(input).not.toHaveProperty('email');
    expect(input).not.toHaveProperty('genderIdentity');
    expect(input.name).toEqual({ given: [], family: '' });
    expect(input.pcpProviderId).toBeNull();
    expect(input.enrollments).toEqual([{ programCode: 'CCM', start: '1990-01-01', end: null }]);
    expect(input.representatives).toEqual([{ name: 'R', relationship: 'parent', authorities: ['receive_information'], validFrom: '1990-01-01', validUntil: null }]);
  });

  it('moves the API error paths of given names and address lines onto their single inputs', () => {
    const p = onInputs(
      new ApiProblem(400, 'validation_failed', 'Invalid field(s)', [
        { field: 'name.given[1]', reason: 'Must be 1–100 characters.' },
        { field: 'address.lines[0]', reason: 'Too long.' },
        { field: 'phones[0].number', reason: 'E.164.' },
      ]),
    );
    expect(p.errors.map((e) => e.field)).toEqual(['name.given', 'address.lines', 'phones[0].number']);
    expect(p.status).toBe(400);
  });
});
