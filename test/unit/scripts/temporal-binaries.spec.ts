import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTemporalBinary, toolsPath } from '../../../scripts/temporal-binaries';
import { fakeExecutable } from '../../support/fake-executable';

/** The documented resolution order: env var, PATH, tools/ (pip), SDK download. */
describe('resolveTemporalBinary', () => {
  const saved = { ...process.env };
  let sandbox: string;

  beforeEach(() => {
    sandbox = mkdtempSync(join(tmpdir(), 'careloop-bin-'));
    process.env = { ...saved, PATH: join(sandbox, 'empty-path'), CARELOOP_TOOLS_DIR: join(sandbox, 'tools') };
    delete process.env.TEMPORAL_CLI_PATH;
    delete process.env.TEMPORAL_TEST_SERVER_PATH;
  });

  afterAll(() => {
    process.env = saved;
  });

  it('prefers the explicit environment variable over everything else', () => {
    const explicit = fakeExecutable(join(sandbox, 'explicit'), 'temporal');
    fakeExecutable(join(sandbox, 'on-path'), 'temporal');
    process.env.PATH = join(sandbox, 'on-path');
    process.env.TEMPORAL_CLI_PATH = explicit;
    expect(resolveTemporalBinary('cli', { install: false })).toEqual({ type: 'existing-path', path: explicit, source: 'env' });
  });

  it('rejects an environment variable that points at nothing, instead of silently falling back', () => {
    process.env.TEMPORAL_TEST_SERVER_PATH = join(sandbox, 'missing');
    expect(() => resolveTemporalBinary('test-server', { install: false })).toThrow(/TEMPORAL_TEST_SERVER_PATH=.* is not an executable/);
  });

  it('uses PATH next, then the project tools folder', () => {
    const local = fakeExecutable(join(sandbox, 'tools', 'temporal-test-server', 'bin'), 'temporal-test-server');
    expect(toolsPath('test-server')).toBe(local);
    expect(resolveTemporalBinary('test-server', { install: false })).toEqual({ type: 'existing-path', path: local, source: 'tools' });

    const onPath = fakeExecutable(join(sandbox, 'on-path'), 'temporal-test-server');
    process.env.PATH = join(sandbox, 'on-path');
    expect(resolveTemporalBinary('test-server', { install: false })).toEqual({ type: 'existing-path', path: onPath, source: 'path' });
  });

  it("falls back to the SDK's download when nothing is installed and installing is off", () => {
    expect(resolveTemporalBinary('cli', { install: false })).toEqual({
      type: 'cached-download',
      downloadDir: join(sandbox, 'tools', 'sdk-download'),
      source: 'sdk-download',
    });
  });
});
