import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A supervised child process (API or worker) whose output is prefixed with
 * its name. Spawned in its own process group so that Ctrl-C reaches only the
 * supervisor, which then stops everything in order.
 */
export class SupervisedChild {
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    script: string,
    env: NodeJS.ProcessEnv,
  ) {
    this.process = spawn(process.execPath, ['--enable-source-maps', script], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const prefix = `[${name}]`.padEnd(9);
    for (const stream of [this.process.stdout, this.process.stderr]) {
      if (stream) {
        createInterface({ input: stream }).on('line', (line) => console.log(`${prefix}${line}`));
      }
    }
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) {
      return;
    }
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.running && this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
