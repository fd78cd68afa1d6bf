// Starting a server under load and reading its CPU, for bench/server.ts and bench/server-cpu.ts.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The environment of a server under test: no port or host of the caller's, no app, and the rate
 * limiter kept (its cost is part of Concord's) but above what one machine can send — all the
 * load comes from one address, where a team has as many — so it never answers 429.
 */
export const loadTestEnv = {
  PORT: '',
  HOST: '',
  CONCORD_STATIC_DIR: '',
  CONCORD_RATE_LIMIT: '1000000',
};

/**
 * Starts `node args…` and resolves with its URL (from its "… listening on URL" line). Its
 * stdout, the request log, goes to the file `logPath`, as a deployment's goes to a file or a
 * journal: read through a pipe by the load generator, every log line would cost it CPU on the
 * same two cores, which was measured as a server that answers less (the baseline logs nothing).
 */
export async function startLoggedServer(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logPath: string },
): Promise<{ url: string; child: ChildProcess }> {
  const log = openSync(options.logPath, 'w');
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', log, 'inherit'],
  });
  closeSync(log);
  const pattern = /listening on (http:\/\/\S+)/;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(50)) {
    const url = pattern.exec(readFileSync(options.logPath, 'utf8'))?.[1];
    if (url) return { url, child };
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
  }
  throw new Error(`No "listening on" in ${options.logPath} within 30 s`);
}

/**
 * CPU milliseconds (user + system, every thread) that process `pid` has used, from Linux's
 * /proc; NaN elsewhere. Unlike throughput, it barely moves with the machine's other load, so it
 * compares two servers' cost per request even on a busy machine.
 */
export function readCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of proc(5), in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
