import { decodeEscapes, parseEr7, Er7SyntaxError } from '../../../apps/api/src/integrations/hl7/er7.parser';
import { hl7SampleAsWritten as hl7Sample } from '../../support/integration-samples';

const standard = { field: '|', component: '^', repetition: '~', escape: '\\', subcomponent: '&' };

describe('parseEr7', () => {
  it.each([
    ['CR', '\r'],
    ['CRLF', '\r\n'],
    ['LF', '\n'],
  ] as const)('reads the ADT^A03 sample with %s segment terminators', (_name, terminator) => {
    const msg = parseEr7(hl7Sample('discharge-adt-a03.hl7', terminator));
    expect(msg.segments.map((s) => s.name)).toEqual(['MSH', 'EVN', 'PID', 'PD1', 'PV1', 'DG1', 'NTE']);
    const msh = msg.segment('MSH')!;
    expect(msh.field(1)).toBe('|');
    expect(msh.field(2)).toBe('^~\\&');
    expect(msh.component(9, 1)).toBe('ADT');
    expect(msh.component(9, 2)).toBe('A03');
    expect(msh.component(10)).toBe('MSG00001873');
    expect(msh.component(4, 2)).toBe('2.16.840.1.113883.3.72');
  });

  it('splits repetitions and components, and decodes escapes after splitting', () => {
    const msg = parseEr7(hl7Sample('discharge-adt-a03.hl7'));
    const pid = msg.segment('PID')!;
    expect(pid.repetitions(3)).toHaveLength(2);
    expect(pid.component(3, 1, 1)).toBe('M-000126');
    expect(pid.component(3, 5, 1)).toBe('MB');
    // \T\ is an escaped subcomponent separator: it must not split the street.
    expect(pid.component(11, 1)).toBe('12 Harbor St&Rear');
    expect(msg.segment('NTE')!.component(3)).toBe('Home with daughter|cardiology follow-up\nDaily weights OK');
    expect(msg.segment('PV1')!.component(45)).toBe('20261120143000-0500');
  });

  it('takes the delimiters from MSH-1 and MSH-2, whatever they are', () => {
    const msg = parseEr7('MSH#*!$%#APP#FAC#####ADT*A03#CTRL-1\rPID###ID1*x*y*z*MB!ID2*a*b*c*MR###A$F$$S$C*D\rPV1');
    expect(msg.delimiters).toEqual({ field: '#', component: '*', repetition: '!', escape: '$', subcomponent: '%' });
    const pid = msg.segment('PID')!;
    expect(pid.component(3, 5, 0)).toBe('MB');
    expect(pid.component(3, 1, 1)).toBe('ID2');
    expect(pid.component(6, 1)).toBe('A#*C');
    expect(msg.segment('PV1')!.field(45)).toBe('');
  });

  it('drops an MLLP frame and a byte-order mark', () => {
    const msg = parseEr7(`\x0b\uFEFF${hl7Sample('discharge-adt-a03.hl7')}\x1c\r`);
    expect(msg.segments[0]!.name).toBe('MSH');
    expect(msg.segments.at(-1)!.name).toBe('NTE');
  });

  it.each([
    ['no MSH first', 'PID|1||X\rMSH|^~\\&|', 'MSH'],
    ['encoding characters missing', 'MSH||A|B', 'MSH-2'],
    ['encoding characters repeated', 'MSH|^^\\&|A', 'MSH-2'],
    ['a segment without a name', 'MSH|^~\\&|A\rthis is not a segment', 'segment 2'],
  ])('rejects %s', (_what, text, field) => {
    let caught: unknown;
    try {
      parseEr7(text);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(Er7SyntaxError);
    expect((caught as Er7SyntaxError).field).toBe(field);
  });
});

describe('decodeEscapes', () => {
  it.each([
    ['a\\F\\b', 'a|b'],
    ['a\\S\\b\\T\\c\\R\\d\\E\\e', 'a^b&c~d\\e'],
    ['\\H\\bold\\N\\ text', 'bold text'],
    ['line\\.br\\next', 'line\nnext'],
    ['caf\\XC3A9\\', 'café'],
    ['\\.sp2\\indented', 'indented'],
    ['unknown \\Q\\ kept', 'unknown \\Q\\ kept'],
    ['unterminated \\F', 'unterminated \\F'],
    ['plain', 'plain'],
  ])('%p → %p', (raw, decoded) => {
    expect(decodeEscapes(raw, standard)).toBe(decoded);
  });
});
