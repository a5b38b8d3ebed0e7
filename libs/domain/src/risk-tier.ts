/** Risk strata (seed 001 a.): high and medium risk members get a named care manager. */
export const RISK_TIERS = ['high', 'medium', 'low'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export function needsNamedCareManager(tier: RiskTier): boolean {
  return tier === 'high' || tier === 'medium';
}
