/**
 * A reporter that ends a stalled test run. A test stuck in a synchronous loop, or in a child it
 * waits for synchronously, blocks its worker so vitest's own timeouts never fire, and CI would
 * wait for hours. When no test starts or ends for `JIAOHE_WATCHDOG_MS` (5 minutes by default;
 * the slowest test takes seconds), it names what was running and exits 1.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';

const LIMIT_MS = Number(process.env.JIAOHE_WATCHDOG_MS ?? 5 * 60_000);

/** Ends the run, naming the running tests, when it makes no progress for a while. */
export default class Watchdog implements Reporter {
  private last = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private readonly modules = new Map<string, number>();
  private readonly cases = new Map<string, number>();

  onTestRunStart(): void {
    this.last = Date.now();
    this.timer = setInterval(() => this.check(), Math.min(10_000, LIMIT_MS / 4));
    this.timer.unref();
  }

  onTestModuleStart(module: TestModule): void {
    this.modules.set(module.moduleId, this.touch());
  }

  onTestModuleEnd(module: TestModule): void {
    this.modules.delete(module.moduleId);
    this.touch();
  }

  onTestCaseReady(test: TestCase): void {
    this.cases.set(`${test.module.moduleId} > ${test.fullName}`, this.touch());
  }

  onTestCaseResult(test: TestCase): void {
    this.cases.delete(`${test.module.moduleId} > ${test.fullName}`);
    this.touch();
  }

  onTestRunEnd(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private touch(): number {
    this.last = Date.now();
    return this.last;
  }

  private check(): void {
    const now = Date.now();
    if (now - this.last < LIMIT_MS) return;
    const since = (t: number) => `${Math.round((now - t) / 1000)} s`;
    const lines = [
      `\nwatchdog: no test started or ended for ${since(this.last)}; the run is stalled and ends here.`,
      ...[...this.modules].map(([id, t]) => `  running file: ${id} (for ${since(t)})`),
      ...[...this.cases].map(([id, t]) => `  running test: ${id} (for ${since(t)})`),
    ];
    if (this.modules.size === 0 && this.cases.size === 0) lines.push('  no file was running: the stall is between files (starting or ending a worker).');
    process.stderr.write(`${lines.join('\n')}\n`, () => process.exit(1));
  }
}
