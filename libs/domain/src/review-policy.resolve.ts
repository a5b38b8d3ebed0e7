import { mergePolicy, PolicyError, type PolicyOverrides, type PolicyProblem } from './program-policy.resolve';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from './review-policy';

/**
 * The review policy in force: seed defaults, then the policy file's
 * `reviews` entry. Every key is checked against the defaults' shape; a bad
 * entry is a PolicyError naming the field (the API refuses to boot).
 */
export function resolveReviewPolicy(configured?: { readonly version: string; readonly overrides: PolicyOverrides }): ReviewPolicy {
  const problems: PolicyProblem[] = [];
  const settings = configured ? mergePolicy(DEFAULT_REVIEW_POLICY, configured.overrides, 'reviews', problems) : DEFAULT_REVIEW_POLICY;
  if (problems.length) {
    throw new PolicyError(problems);
  }
  return { ...(settings as Omit<ReviewPolicy, 'version'>), version: `reviews@${configured?.version ?? 'default'}` };
}
