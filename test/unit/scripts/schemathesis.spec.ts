import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSchemathesis, schemathesisVenv } from '../../../scripts/schemathesis';

/** The resolution order of the contract test's fuzzer: SCHEMATHESIS_PATH, PATH, tools/schemathesis, else a pip install (one clear line if that fails). */
describe('resolveSchemathesis', () => {
  const saved = { ...process.env };
  let sandbox: string;
  const quiet = { log: () => undefined };

  function fakeExecutable(dir: string): string {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'schemathesis');
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, 0o755);
    return path;
  }

  beforeEach(() => {
    sandbox = mkdtempSync(join(tmpdir(), 'careloop-st-'));
    process.env = { ...saved, PATH: join(sandbox, 'empty-path'), CARELOOP_TOOLS_DIR: join(sandbox, 'tools') };
    delete process.env.SCHEMATHESIS_PATH;
  });

  afterAll(() => {
    process.env = saved;
  });

  it('prefers SCHEMATHESIS_PATH, and refuses one that points at nothing', () => {
    const explicit = fakeExecutable(join(sandbox, 'explicit'));
    process.env.PATH = join(sandbox, 'on-path');
    fakeExecutable(process.env.PATH);
    process.env.SCHEMATHESIS_PATH = explicit;
    expect(resolveSchemathesis(quiet)).toBe(explicit);
    process.env.SCHEMATHESIS_PATH = join(sandbox, 'missing');
    expect(() => resolveSchemathesis(quiet)).toThrow(/SCHEMATHESIS_PATH=.* is not an executable/);
  });

  it('uses PATH before the tools venv', () => {
    const venv = fakeExecutable(join(schemathesisVenv(), 'bin'));
    expect(resolveSchemathesis(quiet)).toBe(venv);
    process.env.PATH = join(sandbox, 'on-path');
    const onPath = fakeExecutable(process.env.PATH);
    expect(resolveSchemathesis(quiet)).toBe(onPath);
  });

  it('says in one line what to do when nothing has it and it cannot be installed (no python)', () => {
    expect(() => resolveSchemathesis({ ...quiet, pythons: [join(sandbox, 'no-python3')] })).toThrow(/^schemathesis is not installed and schemathesis==[\d.]+ could not be installed into .*; install it \(pip install schemathesis==[\d.]+\) or set SCHEMATHESIS_PATH$/);
    // A half-made venv is not left behind to be found next time.
    expect(existsSync(schemathesisVenv())).toBe(false);
  });
});
