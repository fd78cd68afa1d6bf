import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import type { FaultResult } from './play-scenario.ts';

/**
 * Prints the fault scenarios' table at the end of a run: scenario, fault, characters typed,
 * lost, recovered by the person, time to recover; and the total, the measure of the promise.
 */
export default class FaultReporter implements Reporter {
  private readonly rows: { result: FaultResult; passed: boolean }[] = [];
  private readonly failed: string[] = [];
  private readonly known: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    const known = test.annotations.find((a) => a.type === 'known loss');
    if (known) this.known.push(`${test.title}: ${known.description}`);
    const attachment = result.attachments.find((a) => a.name === 'fault-result');
    if (attachment?.body) {
      this.rows.push({
        result: JSON.parse(attachment.body.toString()) as FaultResult,
        passed: result.status === 'passed',
      });
    } else if (test.location.file.includes('/faults/') && result.status !== 'skipped') {
      this.failed.push(test.title);
    }
  }

  onEnd(): void {
    if (this.rows.length === 0 && this.failed.length === 0 && this.known.length === 0) return;
    const rows = [...this.rows].sort((a, b) => a.result.name.localeCompare(b.result.name));
    const table = [
      ['scenario', 'fault', 'typed', 'lost', 'recovered', 'time to recover', 'verdict'],
      ...rows.map(({ result, passed }) => [
        result.name,
        result.fault,
        String(result.typedChars),
        String(result.lostChars),
        String(result.recoveredChars),
        result.recoverMs === null ? '–' : `${(result.recoverMs / 1000).toFixed(1)} s`,
        passed ? 'kept' : 'FAILED',
      ]),
    ];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
    const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    const out = [line(table[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`];
    for (const r of table.slice(1)) out.push(line(r));
    const sum = (f: (r: FaultResult) => number) => rows.reduce((n, r) => n + f(r.result), 0);
    out.push(
      '',
      `Fault scenarios: ${rows.length} played, ${rows.filter((r) => !r.passed).length + this.failed.length} failed; ` +
        `${sum((r) => r.typedChars)} characters typed, ${sum((r) => r.lostChars)} lost, ` +
        `${sum((r) => r.recoveredChars)} recovered by the person.`,
    );
    for (const title of this.failed) out.push(`  did not finish: ${title}`);
    if (this.known.length > 0) out.push(`Known losses, not played (${this.known.length}):`);
    for (const known of this.known) out.push(`  ${known}`);
    console.log(`\n${out.join('\n')}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
