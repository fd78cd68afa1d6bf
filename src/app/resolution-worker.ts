// Merges off the main thread: the editor prepares the conflict dialog's starting state while the
// person still types, so a refused save opens the dialog without waiting for the merge.
import type { Granularity } from '../merge/index.ts';
import { createResolution, type ResolutionInput } from '../conflict/resolution-state.ts';

self.onmessage = (event: MessageEvent<{ input: ResolutionInput; granularity: Granularity }>) => {
  postMessage(createResolution(event.data.input, { granularity: event.data.granularity }));
};
