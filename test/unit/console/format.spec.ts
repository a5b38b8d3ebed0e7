import { stepTitle } from '../../../apps/console/src/format';

describe('console format: stepTitle', () => {
  it('numbers and names a recovery step', () => {
    expect(stepTitle('support_and_assistance')).toBe('3. Support and assistance');
    expect(stepTitle(null)).toBe('—');
  });

  it("shows a review's or complaint's status (the stuck list mixes workflows) as it came, instead of failing the page", () => {
    expect(stepTitle('received')).toBe('Received');
    expect(stepTitle('appeal_review')).toBe('Appeal review');
  });
});
