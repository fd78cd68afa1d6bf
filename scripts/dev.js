// `npm run dev`: the API server (reloading on change) and Vite's dev server with /api proxied.
import { spawn } from 'node:child_process';

const apiPort = process.env.API_PORT ?? '8787';
const children = [
  spawn(
    process.execPath,
    ['--import', 'tsx', '--watch', 'src/cli/concord.ts', 'serve', '--port', apiPort],
    {
      stdio: 'inherit',
      env: { ...process.env, CONCORD_STATIC_DIR: '' },
    },
  ),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', process.env.PORT ?? '5173'], {
    stdio: 'inherit',
    env: { ...process.env, API_PORT: apiPort },
  }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) {
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
}
