import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * Workflow ids are visible to anyone who can list workflows, are not
 * encrypted and end up in logs, so they must not carry the member reference
 * (a health-plan member number is PHI). The id is a keyed hash of
 * member + program: the same open case always maps to the same id (so a
 * second start finds the existing workflow), but the id cannot be reversed
 * or dictionary-attacked without the secret.
 *
 * Pure JS (no Node crypto) so the workflow sandbox can import it too.
 */
export function caseWorkflowId(memberRef: string, programCode: string, secret: string): string {
  const digest = hmac(sha256, utf8ToBytes(secret), utf8ToBytes(`${programCode}\u0000${memberRef}`));
  return `case-${programCode.toLowerCase()}-${bytesToHex(digest).slice(0, 24)}`;
}

export const CASE_WORKFLOW_ID_PATTERN = /^case-[a-z0-9_-]{2,32}-[0-9a-f]{24}$/;
