/**
 * Utilization review (seed 004): a provider justifies the medical necessity
 * of a treatment, with documentation, before the plan covers it. Pure rules:
 * what makes a request complete, what a decision may say, and the decision
 * clock (see ur-clock.ts).
 */
export const UR_DOCUMENT_KINDS = ['clinical_notes', 'letter_of_medical_necessity', 'lab_results', 'imaging', 'treatment_history', 'other'] as const;
export type UrDocumentKind = (typeof UR_DOCUMENT_KINDS)[number];

/** A supporting document: metadata and where it is kept, never the document itself. */
export interface UrDocument {
  readonly id: string;
  readonly kind: UrDocumentKind;
  readonly title: string;
  /** Where the document is kept (document-store id or URI). */
  readonly reference: string;
}

export interface TreatmentRequest {
  /** CPT/HCPCS code of the requested service. */
  readonly serviceCode: string;
  readonly description: string;
  readonly quantity: number;
  /** ICD-10 codes of the condition the treatment is for. */
  readonly diagnosisCodes: readonly string[];
  /** The provider's medical-necessity justification (PHI: stored, never logged or shown in lists). */
  readonly justification: string;
  readonly documents: readonly UrDocument[];
}

/** What a complete request must hold before clinical review (seed 004: rationale, and documentation of the patient's condition). */
export const UR_REQUIRED_ITEMS = ['diagnosis_codes', 'clinical_documentation'] as const;
export type UrRequiredItem = (typeof UR_REQUIRED_ITEMS)[number];

/** Kinds of document that show the patient's condition (a title alone does not). */
const CLINICAL_KINDS: ReadonlySet<UrDocumentKind> = new Set(['clinical_notes', 'letter_of_medical_necessity', 'lab_results', 'imaging', 'treatment_history']);

/** The items a request still lacks; empty when it can go to clinical review. */
export function missingItems(request: Pick<TreatmentRequest, 'diagnosisCodes' | 'documents'>): UrRequiredItem[] {
  const missing: UrRequiredItem[] = [];
  if (request.diagnosisCodes.length === 0) {
    missing.push('diagnosis_codes');
  }
  if (!request.documents.some((d) => CLINICAL_KINDS.has(d.kind))) {
    missing.push('clinical_documentation');
  }
  return missing;
}

export const UR_DECISION_KINDS = ['approved', 'denied', 'partially_approved'] as const;
export type UrDecisionKind = (typeof UR_DECISION_KINDS)[number];

/**
 * A reviewer's decision. A denial says why (the notice must); a partial
 * approval says what is approved and why the rest is not.
 */
export type UrDecision =
  | { readonly kind: 'approved' }
  | { readonly kind: 'denied'; readonly reason: string }
  | { readonly kind: 'partially_approved'; readonly reason: string; readonly approvedQuantity: number; readonly approvedDescription: string };

/** Problems with a decision for a request of `requestedQuantity` (empty: acceptable). */
export function decisionProblems(decision: UrDecision, requestedQuantity: number): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  if (decision.kind !== 'approved' && decision.reason.trim().length === 0) {
    problems.push({ field: 'decision.reason', reason: `a ${decision.kind.replace('_', ' ')} decision must give its reason` });
  }
  if (decision.kind === 'partially_approved' && !(decision.approvedQuantity >= 1 && decision.approvedQuantity < requestedQuantity)) {
    problems.push({ field: 'decision.approvedQuantity', reason: `a partial approval approves at least 1 and fewer than the ${requestedQuantity} requested` });
  }
  return problems;
}

/** Only an adverse decision (denied, or partly) can be appealed. */
export function isAppealable(decision: UrDecision): boolean {
  return decision.kind !== 'approved';
}
