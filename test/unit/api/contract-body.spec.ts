import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Type-checks a few lines against the real DTOs and contracts (the project's
 * compiler options, path aliases included) and returns the errors. The file is
 * virtual: it lives only in the compiler host.
 */
function typeErrors(source: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), { noEmit: true, incremental: false }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('tsconfig.json not readable');
  const file = path.join(ROOT, 'test/unit/api/__contract-body.check.ts');
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => (path.resolve(name) === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], config.options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** RecordContactDto as it is, held to three contracts the way its own `implements` holds it to RecordContactInput. */
const SOURCE = `
import type { RecordContactInput } from '@careloop/contracts';
import type { ContractBody } from '${ROOT}/apps/api/src/common/contract-body';
import { RecordContactDto } from '${ROOT}/apps/api/src/cases/dto/case-actions.dto';
export class AsItIs extends RecordContactDto implements ContractBody<Omit<RecordContactInput, 'actorId'>, AsItIs> {}
type Grown = RecordContactInput & { readonly followUpAt?: string };
export class ContractGrew extends RecordContactDto implements ContractBody<Omit<Grown, 'actorId'>, ContractGrew> {}
type Narrowed = Omit<RecordContactInput, 'channel'> & { readonly channel: 'portal' };
export class ContractNarrowed extends RecordContactDto implements ContractBody<Omit<Narrowed, 'actorId'>, ContractNarrowed> {}
`;

describe('DTOs implement their contract input (ContractBody)', () => {
  const errors = new Map<string, string[]>();
  beforeAll(() => {
    for (const message of typeErrors(SOURCE)) {
      const check = /Class '(\w+)'/.exec(message)?.[1] ?? 'other';
      errors.set(check, [...(errors.get(check) ?? []), message]);
    }
  }, 60_000);

  it('compiles while the DTO declares every field of the contract', () => {
    expect(errors.get('AsItIs')).toBeUndefined();
    expect(errors.get('other')).toBeUndefined();
  });

  it('fails to compile, naming the field, once the contract gains one the DTO lacks — an optional one too', () => {
    expect(errors.get('ContractGrew')).toEqual([expect.stringMatching(/incorrectly implements[\s\S]*Property 'followUpAt' is missing in type 'RecordContactDto'/)]);
  });

  it('fails to compile when a field the DTO declares no longer fits the contract', () => {
    expect(errors.get('ContractNarrowed')).toEqual([expect.stringMatching(/incorrectly implements[\s\S]*'channel'/)]);
  });
});
