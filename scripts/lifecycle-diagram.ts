import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CASE_PHASES, CASE_PHASE_TRANSITIONS, RECOVERY_STEPS, RECOVERY_STEP_INFO, RECOVERY_STEP_MOVES, type RecoveryStep, type RecoveryStepMove } from '@careloop/domain';

/**
 * Generates the case-lifecycle state diagram in docs/lifecycle.md from the
 * domain (`CASE_PHASE_TRANSITIONS`, `RECOVERY_STEP_MOVES`, `RECOVERY_STEP_INFO`),
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

  // Recovery support: the step moves. A move from named steps is drawn from each of them; a move
  // from any step is drawn once, from the step it usually follows, and marked *, so every edge drawn
  // is a legal move and every move is drawn.
  const steps = [...RECOVERY_STEPS].sort((a, b) => RECOVERY_STEP_INFO[a].number - RECOVERY_STEP_INFO[b].number);
  lines.push('');
  add(1, 'state recovery_support {');
  for (const step of steps) add(2, `${step} : ${RECOVERY_STEP_INFO[step].number}. ${RECOVERY_STEP_INFO[step].title}`);
  const moves: RecoveryStepMove[] = Object.values(RECOVERY_STEP_MOVES);
  const edges = new Set<string>();
  for (const move of moves) {
    const froms: (RecoveryStep | '[*]')[] = move.from === 'any' ? [move.usually] : move.from.map((f) => f ?? '[*]');
    for (const from of froms) {
      if (from === move.to) continue;
      const edge = `${from} --> ${move.to}: ${move.label}${move.from === 'any' ? ' *' : ''}`;
      if (!edges.has(edge)) add(2, edge);
      edges.add(edge);
    }
  }
  add(2, `note right of ${steps[0]}`);
  add(3, '* from any step: the care team records its work');
  add(3, 'when it happens; the committee update');
  add(3, 'comes on its own clock.');
  add(2, 'end note');
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
