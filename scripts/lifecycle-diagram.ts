import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CASE_PHASES, CASE_PHASE_TRANSITIONS, RECOVERY_STEPS, RECOVERY_STEP_INFO } from '@careloop/domain';

/**
 * Generates the case-lifecycle state diagram in docs/lifecycle.md from the
 * domain (`CASE_PHASE_TRANSITIONS`, `RECOVERY_STEPS`, `RECOVERY_STEP_INFO`),
 * so the docs cannot drift from the code: a unit test fails when the block
 * between the markers differs from `renderLifecycleDiagram()`.
 *
 *   npm run docs:lifecycle        # rewrite the block in docs/lifecycle.md
 */
export const DIAGRAM_START = '<!-- lifecycle-diagram:start -->';
export const DIAGRAM_END = '<!-- lifecycle-diagram:end -->';

const INDENT = '    ';

/** The fenced Mermaid `stateDiagram-v2` block that belongs between the markers. */
export function renderLifecycleDiagram(): string {
  const lines: string[] = ['```mermaid', 'stateDiagram-v2'];
  const add = (depth: number, line: string): void => {
    lines.push(INDENT.repeat(depth) + line);
  };

  // Phases: the first phase is where a case starts; a phase without transitions is final.
  add(1, `[*] --> ${CASE_PHASES[0]}`);
  for (const from of CASE_PHASES) {
    for (const to of CASE_PHASE_TRANSITIONS[from]) add(1, `${from} --> ${to}`);
  }
  for (const phase of CASE_PHASES) {
    if (CASE_PHASE_TRANSITIONS[phase].length === 0) add(1, `${phase} --> [*]`);
  }

  // Recovery support: seed 003's nine steps in order, with its two ways back.
  const steps = [...RECOVERY_STEPS].sort((a, b) => RECOVERY_STEP_INFO[a].number - RECOVERY_STEP_INFO[b].number);
  lines.push('');
  add(1, 'state recovery_support {');
  for (const step of steps) add(2, `${step} : ${RECOVERY_STEP_INFO[step].number}. ${RECOVERY_STEP_INFO[step].title}`);
  add(2, `[*] --> ${steps[0]}`);
  steps.slice(1).forEach((step, i) => {
    const from = steps[i]!;
    add(2, from === 'member_discussion' ? `${from} --> ${step}: agrees` : `${from} --> ${step}`);
  });
  add(2, 'member_discussion --> recovery_plan: concerns');
  add(2, 'regular_updates --> support_and_assistance: next contact');
  add(1, '}');

  lines.push('');
  add(1, `note right of ${CASE_PHASES[0]}`);
  add(2, 'paused is a status, not a phase.');
  add(2, 'Any open phase can be paused (e.g. an inpatient stay)');
  add(2, 'and resumed where it was.');
  add(1, 'end note');
  lines.push('```');
  return lines.join('\n');
}

/** The text between the markers, or `null` when the markers are missing or out of order. */
export function extractDiagramBlock(doc: string): string | null {
  const start = doc.indexOf(DIAGRAM_START);
  const end = doc.indexOf(DIAGRAM_END);
  if (start < 0 || end < start) return null;
  return doc.slice(start + DIAGRAM_START.length, end);
}

/** `doc` with the block between the markers replaced by `diagram` (one newline either side). */
export function replaceDiagramBlock(doc: string, diagram: string): string {
  const start = doc.indexOf(DIAGRAM_START);
  const end = doc.indexOf(DIAGRAM_END);
  if (start < 0 || end < start) {
    throw new Error(`expected ${DIAGRAM_START} followed by ${DIAGRAM_END}`);
  }
  return `${doc.slice(0, start + DIAGRAM_START.length)}\n${diagram}\n${doc.slice(end)}`;
}

/** docs/lifecycle.md of this checkout, found from sources (scripts/) and from the build (dist/scripts/). */
export function lifecycleDocPath(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'docs', 'lifecycle.md');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`cannot find docs/lifecycle.md above ${start}`);
  }
}

if (require.main === module) {
  const path = lifecycleDocPath();
  const before = readFileSync(path, 'utf8');
  const after = replaceDiagramBlock(before, renderLifecycleDiagram());
  if (after !== before) writeFileSync(path, after);
  console.log(`${path}: ${after === before ? 'up to date' : 'diagram updated'}`);
}
