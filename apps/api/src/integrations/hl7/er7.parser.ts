/**
 * A small HL7 v2 ER7 ("pipe and hat") reader: enough to pull fields out of an
 * ADT message reliably. The delimiters come from the message itself (MSH-1
 * and MSH-2), segments may end in CR (the standard), LF or CRLF, an MLLP
 * frame around the message is dropped, and escape sequences are decoded
 * after splitting (so an escaped `\F\` never splits a field).
 *
 * Why hand-written: the maintained npm options are either a whole FHIR SDK
 * (@medplum/core) or young ESM-only syntax-tree toolkits; the rest are
 * unmaintained. This reader is ~150 lines with its own tests.
 */

export interface Er7Delimiters {
  readonly field: string;
  readonly component: string;
  readonly repetition: string;
  readonly escape: string;
  readonly subcomponent: string;
}

export class Er7SyntaxError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'Er7SyntaxError';
  }
}

/** One segment; fields are numbered as in the standard (PID-3 is `field(3)`; MSH-1 is the field separator). */
export class Er7Segment {
  constructor(
    readonly name: string,
    private readonly raw: readonly string[],
    private readonly d: Er7Delimiters,
  ) {}

  /** The raw (still escaped) text of field `n`, '' when absent. */
  field(n: number): string {
    if (this.name === 'MSH') {
      if (n === 1) return this.d.field;
      return this.raw[n - 1] ?? '';
    }
    return this.raw[n] ?? '';
  }

  /** Field `n`'s repetitions, raw ('' field → none). MSH-2 never repeats. */
  repetitions(n: number): string[] {
    const value = this.field(n);
    if (value === '') return [];
    return this.name === 'MSH' && n <= 2 ? [value] : value.split(this.d.repetition);
  }

  /** Decoded component `c` (1-based) of repetition `rep` (0-based) of field `n`; subcomponent `s` (1-based). */
  component(n: number, c = 1, rep = 0, s = 1): string {
    return componentOf(this.repetitions(n)[rep] ?? '', this.d, c, s);
  }
}

/** Decoded component `c`, subcomponent `s`, of one raw repetition. */
export function componentOf(repetition: string, d: Er7Delimiters, c = 1, s = 1): string {
  const component = repetition.split(d.component)[c - 1] ?? '';
  return decodeEscapes(component.split(d.subcomponent)[s - 1] ?? '', d);
}

export class Er7Message {
  constructor(
    readonly delimiters: Er7Delimiters,
    readonly segments: readonly Er7Segment[],
  ) {}

  segment(name: string): Er7Segment | undefined {
    return this.segments.find((s) => s.name === name);
  }
}

const SEGMENT_NAME = /^[A-Z][A-Z0-9]{2}$/;
/** MLLP framing: start block (VT, 0x0b), end block (FS, 0x1c) and its trailing CR. */
const MLLP_START = String.fromCharCode(0x0b);
const MLLP_END = String.fromCharCode(0x1c);

function unframe(text: string): string {
  const start = text.startsWith(MLLP_START) ? 1 : 0;
  const end = text.lastIndexOf(MLLP_END);
  return text.slice(start, end === -1 ? undefined : end);
}

export function parseEr7(text: string): Er7Message {
  const body = unframe(text).replace(/^\uFEFF/, '').replace(/^\s+/, '');
  if (!body.startsWith('MSH')) {
    throw new Er7SyntaxError('MSH', 'the message must start with an MSH segment');
  }
  const d = delimitersOf(body);
  const segments: Er7Segment[] = [];
  for (const [i, line] of body.split(/\r\n|\r|\n/).entries()) {
    if (line.trim() === '') continue;
    const name = line.slice(0, 3);
    if (!SEGMENT_NAME.test(name) || (line.length > 3 && line[3] !== d.field)) {
      throw new Er7SyntaxError(`segment ${i + 1}`, 'is not a segment (three letters or digits, then the field separator)');
    }
    segments.push(new Er7Segment(name, line.split(d.field), d));
  }
  return new Er7Message(d, segments);
}

/** MSH-1 is the character after "MSH"; MSH-2 the encoding characters up to the next field separator. */
function delimitersOf(body: string): Er7Delimiters {
  const field = body[3];
  const end = field === undefined ? -1 : body.indexOf(field, 4);
  const encoding = end === -1 ? '' : body.slice(4, end);
  const chars = field === undefined ? [] : [field, ...encoding];
  const distinct = new Set(chars).size === chars.length;
  if (field === undefined || encoding.length < 4 || encoding.length > 5 || !distinct || chars.some((ch) => /[A-Za-z0-9\s]/.test(ch))) {
    throw new Er7SyntaxError('MSH-2', 'encoding characters must be four distinct symbols after the field separator (usually ^~\\&)');
  }
  return { field, component: encoding[0]!, repetition: encoding[1]!, escape: encoding[2]!, subcomponent: encoding[3]! };
}

/**
 * Decodes HL7 escape sequences: \F\ \S\ \T\ \R\ \E\ (delimiters), \Xhh…\
 * (hex bytes as UTF-8), \.br\ (line break); formatting (\H\ \N\ and other
 * \.xx\ commands) is dropped. An unknown or unterminated sequence is kept as
 * written rather than guessed at.
 */
export function decodeEscapes(value: string, d: Er7Delimiters): string {
  const esc = d.escape;
  if (!value.includes(esc)) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const ch = value[i]!;
    const close = ch === esc ? value.indexOf(esc, i + 1) : -1;
    if (close === -1) {
      out += ch;
      i++;
      continue;
    }
    const decoded = decodeSequence(value.slice(i + 1, close), d);
    if (decoded === null) {
      out += ch;
      i++;
      continue;
    }
    out += decoded;
    i = close + 1;
  }
  return out;
}

function decodeSequence(code: string, d: Er7Delimiters): string | null {
  switch (code) {
    case 'F':
      return d.field;
    case 'S':
      return d.component;
    case 'T':
      return d.subcomponent;
    case 'R':
      return d.repetition;
    case 'E':
      return d.escape;
    case 'H':
    case 'N':
      return '';
    case '.br':
      return '\n';
  }
  if (/^X([0-9A-Fa-f]{2})+$/.test(code)) {
    const bytes = Uint8Array.from(code.slice(1).match(/../g)!.map((h) => parseInt(h, 16)));
    return new TextDecoder().decode(bytes);
  }
  if (/^\.[a-z]{2}[+-]?\d*$/.test(code)) {
    return '';
  }
  return null;
}
