import { caseloadView } from '../../../apps/api/src/supervisor/caseloads.view';

const tiers = { high: 0, medium: 0, low: 0, none: 0 };
const caps: Record<string, number> = { '*': 80, SMALL: 2, BIG: 150 };
const programCap = (code = '*') => caps[code] ?? caps['*']!;

describe('caseloadView', () => {
  it('uses the care manager’s own cap for every program', () => {
    const view = caseloadView({ careManagerId: 'cm-1', ownCap: 5, open: 3, byRiskTier: tiers, byProgram: { SMALL: 3 } }, programCap);
    expect(view).toMatchObject({ cap: 5, capSource: 'care_manager', byProgram: [{ programCode: 'SMALL', open: 3, cap: 5, available: 2 }] });
  });

  it('without an own cap, uses each program’s cap against all open cases, and the strictest one overall', () => {
    const view = caseloadView({ careManagerId: 'cm-2', ownCap: null, open: 3, byRiskTier: tiers, byProgram: { SMALL: 1, BIG: 2 } }, programCap);
    expect(view).toMatchObject({
      cap: 2,
      capSource: 'program',
      byProgram: [
        { programCode: 'BIG', open: 2, cap: 150, available: 147 },
        { programCode: 'SMALL', open: 1, cap: 2, available: 0 },
      ],
    });
  });

  it('without an own cap or cases, uses the default program policy’s cap, not a fixed 100', () => {
    expect(caseloadView({ careManagerId: 'cm-3', ownCap: null, open: 0, byRiskTier: tiers, byProgram: {} }, programCap)).toMatchObject({ cap: 80, byProgram: [] });
  });
});
