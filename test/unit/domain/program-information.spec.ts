import { DEFAULT_PROGRAM_INFORMATION, resolveProgramInformation } from '@careloop/domain';

describe('program information for providers', () => {
  it('uses CareLoop’s defaults, with a health plan’s wording laid over them', () => {
    expect(resolveProgramInformation(undefined, 'x').information).toBe(DEFAULT_PROGRAM_INFORMATION);
    const { information, problems } = resolveProgramInformation({ name: 'Heart failure program', guidelines: ['ACC/AHA 2022 HF guideline'] }, 'programs.HF.information');
    expect(problems).toEqual([]);
    expect(information).toMatchObject({ name: 'Heart failure program', guidelines: ['ACC/AHA 2022 HF guideline'], privacy: DEFAULT_PROGRAM_INFORMATION.privacy });
  });

  it('names every bad field of a policy file entry', () => {
    expect(resolveProgramInformation({ name: '', processes: 'all of them', colour: 'blue' }, 'programs.HF.information').problems).toEqual([
      'programs.HF.information.colour is not a field of program information',
      'programs.HF.information.name must be a non-empty string',
      'programs.HF.information.processes must be a list of strings',
    ]);
    expect(resolveProgramInformation('text', 'p').problems).toEqual(['p must be an object']);
  });
});
