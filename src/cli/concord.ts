// The `concord` process: what bin/concord.js runs once built (dist/cli/concord.js), and what
// `npm run dev` runs from source. Everything a command does is in `main`, which tests call with
// their own streams; this file only binds it to the real process.
import { getProcessIo } from './cli-io.ts';
import { endOnBrokenPipe } from './end-on-broken-pipe.ts';
import { main } from './main.ts';

endOnBrokenPipe(process.stdout);
endOnBrokenPipe(process.stderr);
process.exitCode = await main(process.argv.slice(2), getProcessIo());
