import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_CLOCK_IDS, CASE_CLOCKS, DAY_MS, DEFAULT_REMINDER_LEAD_MS, HOUR_MS, CASE_PHASES, CASE_PHASE_TRANSITIONS, CLOSURE_REASONS, RECOVERY_STEPS, RECOVERY_STEP_INFO, RECOVERY_STEP_MOVES, canEnterStep, type RecoveryStep, type RecoveryStepMove } from '@careloop/domain';
import { OTHER_CLOCKS_ON_PAUSE, TASK_CLOCKS_ON_PAUSE, type PauseClockRule } from '@careloop/contracts';
import {
  DIAGRAM_END,
  DIAGRAM_START,
  extractDiagramBlock,
  lifecycleDocPath,
  renderLifecycleDiagram,
  replaceDiagramBlock,
} from '../../../scripts/lifecycle-diagram';

const DOC_PATH = join(__dirname, '..', '..', '..', 'docs', 'lifecycle.md');
const doc = readFileSync(DOC_PATH, 'utf8');

describe('docs/lifecycle.md', () => {
  it('contains exactly the generated diagram between the markers (run `npm run docs:lifecycle` to refresh)', () => {
    expect(extractDiagramBlock(doc)).toBe(`\n${renderLifecycleDiagram()}\n`);
  });

  it('has each marker once', () => {
    expect(doc.split(DIAGRAM_START)).toHaveLength(2);
    expect(doc.split(DIAGRAM_END)).toHaveLength(2);
  });

  it('describes every recovery step and every closure reason of the domain', () => {
    for (const step of RECOVERY_STEPS) {
      const { number, title } = RECOVERY_STEP_INFO[step];
      expect(doc).toContain(`${number}. **${title}**`);
    }
    for (const reason of CLOSURE_REASONS) {
      expect(doc).toContain(`| \`${reason}\` |`);
    }
  });

  it('says for every clock whether a pause suspends it, as TASK_CLOCKS_ON_PAUSE and OTHER_CLOCKS_ON_PAUSE define', () => {
    const rules: [string, PauseClockRule][] = [...Object.entries(TASK_CLOCKS_ON_PAUSE), ...Object.entries(OTHER_CLOCKS_ON_PAUSE)];
    const rows = doc.split('\n').filter((l) => l.startsWith('| `') && / \| (suspended|keeps running) \| /.test(l));
    for (const [clock, rule] of rules) {
      const row = rows.find((l) => l.split(' | ')[0]!.includes(`\`${clock}\``));
      expect({ clock, row: row?.split(' | ')[1] }).toEqual({ clock, row: rule.onPause === 'suspended' ? 'suspended' : 'keeps running' });
    }
  });

  it('is the file the script rewrites', () => {
    expect(lifecycleDocPath()).toBe(DOC_PATH);
  });
});

describe('renderLifecycleDiagram', () => {
  const diagram = renderLifecycleDiagram();
  const lines = diagram.split('\n').map((l) => l.trim());

  it('is a fenced Mermaid stateDiagram-v2', () => {
    expect(diagram.startsWith('```mermaid\nstateDiagram-v2\n')).toBe(true);
    expect(diagram.endsWith('\n```')).toBe(true);
  });

  it('draws every phase transition of CASE_PHASE_TRANSITIONS, and no other', () => {
    const expected = CASE_PHASES.flatMap((from) => CASE_PHASE_TRANSITIONS[from].map((to) => `${from} --> ${to}`));
    const phaseEdges = lines.filter((l) => {
      const m = /^(\w+) --> (\w+)$/.exec(l);
      return m !== null && (CASE_PHASES as readonly string[]).includes(m[1]!);
    });
    expect(phaseEdges).toEqual(expected);
  });

  it('starts at enrolled and ends at closed', () => {
    expect(lines).toContain('[*] --> enrolled');
    expect(lines).toContain('closed --> [*]');
  });

  it('nests the nine steps inside recovery_support and draws every step move of RECOVERY_STEP_MOVES, each a legal move', () => {
    const inner = lines.slice(lines.indexOf('state recovery_support {') + 1, lines.indexOf('}'));
    expect(inner[0]).toBe('recovery_plan : 1. Recovery plan');
    for (const step of RECOVERY_STEPS) {
      expect(inner).toContain(`${step} : ${RECOVERY_STEP_INFO[step].number}. ${RECOVERY_STEP_INFO[step].title}`);
    }
    const edges = inner.flatMap((l) => {
      const m = /^(\S+) --> (\w+): (.+?)( \*)?$/.exec(l);
      return m ? [{ from: m[1] === '[*]' ? null : (m[1] as RecoveryStep), to: m[2] as RecoveryStep, label: m[3]!, anyStep: m[4] !== undefined }] : [];
    });
    const moves: RecoveryStepMove[] = Object.values(RECOVERY_STEP_MOVES);
    for (const move of moves) {
      const drawn = edges.filter((e) => e.to === move.to && e.label === move.label);
      const expectedFrom = move.from === 'any' ? [move.usually] : move.from.filter((f) => f !== move.to);
      expect({ move: move.label, from: drawn.map((e) => e.from) }).toEqual({ move: move.label, from: expectedFrom });
      expect(drawn.every((e) => e.anyStep === (move.from === 'any'))).toBe(true);
    }
    // Nothing drawn that the workflow could not do.
    for (const e of edges) {
      expect({ edge: e, legal: canEnterStep(e.from, e.to) }).toEqual({ edge: e, legal: true });
    }
    expect(inner).toContain('[*] --> recovery_plan: plan active');
    expect(inner).toContain('member_discussion --> recovery_plan: concerns *');
    expect(inner).toContain('regular_updates --> support_and_assistance: next contact *');
  });

  it('notes that paused is a status, not a phase, and never draws it as a state', () => {
    expect(diagram).toContain('paused is a status, not a phase.');
    expect(lines.some((l) => /(^|\s)paused(\s|$)/.test(l) && l.includes('-->'))).toBe(false);
  });

  it('is deterministic', () => {
    expect(renderLifecycleDiagram()).toBe(diagram);
  });
});

describe('replaceDiagramBlock', () => {
  it('replaces only the text between the markers', () => {
    const before = `# Title\n\n${DIAGRAM_START}\nold\n${DIAGRAM_END}\n\ntail\n`;
    expect(replaceDiagramBlock(before, 'new')).toBe(`# Title\n\n${DIAGRAM_START}\nnew\n${DIAGRAM_END}\n\ntail\n`);
  });

  it('is idempotent on the real document', () => {
    expect(replaceDiagramBlock(doc, renderLifecycleDiagram())).toBe(doc);
  });

  it('refuses a document without markers', () => {
    expect(() => replaceDiagramBlock('# nothing here\n', 'x')).toThrow(/lifecycle-diagram:start/);
    expect(extractDiagramBlock('# nothing here\n')).toBeNull();
  });
});

describe('docs/lifecycle.md clocks table', () => {
  const formatLead = (ms: number) => (ms % DAY_MS === 0 ? `${ms / DAY_MS}d` : `${ms / HOUR_MS}h`);

  it('has one row per clock of CASE_CLOCKS with its id, subject, owner and default reminder lead', () => {
    const rows = doc.split('\n').filter((l) => /^\| C\d+ \| /.test(l));
    expect(rows).toHaveLength(CASE_CLOCK_IDS.length);
    for (const info of Object.values(CASE_CLOCKS)) {
      const row = rows.find((l) => l.startsWith(`| ${info.id} | `))?.split(' | ');
      expect({ id: info.id, subject: row?.[1], owner: row?.[2], lead: row?.[4] }).toEqual({
        id: info.id,
        subject: `\`${info.subject}\``,
        owner: info.owner,
        lead: formatLead(DEFAULT_REMINDER_LEAD_MS[info.subject]),
      });
    }
  });
});
