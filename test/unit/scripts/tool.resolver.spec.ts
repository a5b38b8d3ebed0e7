import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM } from '../../../scripts/tools/chromium.tool';
import { DOCKER_COMPOSE } from '../../../scripts/tools/docker-compose.tool';
import { installAtomically } from '../../../scripts/tools/install.helpers';
import { resolveTool, toolsCopy, type ToolSpec } from '../../../scripts/tools/tool.resolver';
import { fakeExecutable } from '../../support/fake-executable';

/**
 * The resolution order every test tool follows: env var, the machine's own
 * copy (PATH), tools/ (filled from a registry package), Debian's apt as root,
 * else one error line. Installers here are fakes; the real ones run in the
 * browser tests and the docker-compose test.
 */
describe('resolveTool', () => {
  const saved = { ...process.env };
  let sandbox: string;
  const quiet = { log: () => {} };

  function fakeSpec(overrides: Partial<ToolSpec> = {}): ToolSpec {
    return {
      name: 'Widget',
      envVar: 'WIDGET_PATH',
      findOnMachine: () => undefined,
      toolsDir: 'widget',
      toolsExecutable: (dir) => join(dir, 'widget'),
      toolsPackage: 'npm widget@1.0.0',
      fillTools: (dir) => void fakeExecutable(dir, 'widget'),
      hint: 'set WIDGET_PATH',
      ...overrides,
    };
  }

  beforeEach(() => {
    sandbox = mkdtempSync(join(tmpdir(), 'careloop-tools-'));
    process.env = { ...saved, PATH: join(sandbox, 'empty-path'), CARELOOP_TOOLS_DIR: join(sandbox, 'tools') };
    delete process.env.CHROMIUM_PATH;
    delete process.env.DOCKER_COMPOSE_PATH;
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(() => {
    process.env = saved;
  });

  it('prefers the environment variable, and rejects one that points at nothing', async () => {
    const explicit = fakeExecutable(join(sandbox, 'explicit'), 'chromium');
    fakeExecutable(join(sandbox, 'on-path'), 'chromium');
    process.env.PATH = join(sandbox, 'on-path');
    process.env.CHROMIUM_PATH = explicit;
    await expect(resolveTool(CHROMIUM, { install: false })).resolves.toEqual({ command: [explicit], source: 'env' });

    process.env.CHROMIUM_PATH = join(sandbox, 'missing');
    await expect(resolveTool(CHROMIUM, { install: false })).rejects.toThrow(/CHROMIUM_PATH=.*missing is not an executable file/);
  });

  it("uses the machine's copy on PATH before tools/, and tools/ before installing", async () => {
    const local = fakeExecutable(join(sandbox, 'tools', 'docker-compose'), 'docker-compose');
    expect(toolsCopy(DOCKER_COMPOSE)).toBe(local);
    await expect(resolveTool(DOCKER_COMPOSE, { install: false })).resolves.toEqual({ command: [local], source: 'tools' });

    const onPath = fakeExecutable(join(sandbox, 'on-path'), 'docker-compose');
    process.env.PATH = join(sandbox, 'on-path');
    await expect(resolveTool(DOCKER_COMPOSE, { install: false })).resolves.toEqual({ command: [onPath], source: 'path' });
  });

  it('finds Chromium under its other names on PATH', async () => {
    const chrome = fakeExecutable(join(sandbox, 'on-path'), 'google-chrome');
    process.env.PATH = join(sandbox, 'on-path');
    await expect(resolveTool(CHROMIUM, { install: false })).resolves.toEqual({ command: [chrome], source: 'path' });
  });

  it('fills tools/ from the registry package once, then finds it without installing again', async () => {
    const fill = jest.fn((dir: string) => void fakeExecutable(dir, 'widget'));
    const spec = fakeSpec({ fillTools: fill });
    const first = await resolveTool(spec, quiet);
    expect(first).toEqual({ command: [join(sandbox, 'tools', 'widget', 'widget')], source: 'tools' });
    await expect(resolveTool(spec, quiet)).resolves.toEqual(first);
    expect(fill).toHaveBeenCalledTimes(1);
  });

  it('fails with one line naming every step tried and the fix when nothing works', async () => {
    jest.spyOn(process, 'getuid').mockReturnValue(1000); // not root: apt is not tried for real
    const spec = fakeSpec({
      fillTools: () => {
        throw new Error('npm pack widget@1.0.0 failed (E404)');
      },
      apt: { package: 'widget', executable: '/usr/bin/widget' },
    });
    const error = await resolveTool(spec, quiet).catch((err: Error) => err);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toBe(
      'Widget is not available (WIDGET_PATH is not set; none on PATH; tools/widget from npm widget@1.0.0: ' +
        "npm pack widget@1.0.0 failed (E404); Debian's widget: apt-get install widget needs root): set WIDGET_PATH",
    );
    // The failed install left nothing that looks installed.
    expect(existsSync(join(sandbox, 'tools', 'widget'))).toBe(false);
  });
});

describe('installAtomically', () => {
  let target: string;
  const complete = (dir: string) => existsSync(join(dir, 'done'));

  beforeEach(() => {
    target = join(mkdtempSync(join(tmpdir(), 'careloop-atomic-')), 'tool');
  });

  it('leaves no target and no scratch folder when the fill fails half-way', async () => {
    await expect(
      installAtomically(target, complete, (dir) => {
        writeFileSync(join(dir, 'half'), '');
        throw new Error('network gone');
      }),
    ).rejects.toThrow('network gone');
    expect(readdirSync(join(target, '..'))).toEqual([]);
  });

  it('ends with one complete copy when two installs race', async () => {
    const slowFill = (marker: string) => async (dir: string) => {
      await new Promise((r) => setTimeout(r, 20));
      writeFileSync(join(dir, 'done'), marker);
    };
    await Promise.all([installAtomically(target, complete, slowFill('a')), installAtomically(target, complete, slowFill('b'))]);
    expect(readdirSync(join(target, '..'))).toEqual(['tool']);
    expect(readdirSync(target)).toEqual(['done']);
  });

  it('replaces an incomplete folder left by an older install', async () => {
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, 'stale'), '');
    await installAtomically(target, complete, (dir) => writeFileSync(join(dir, 'done'), ''));
    expect(readdirSync(target)).toEqual(['done']);
  });
});
