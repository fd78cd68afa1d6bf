import type { VersionedDocument } from '../client/index.ts';
import {
  sameResolutionInput,
  type ResolutionInput,
  type ResolutionState,
} from '../conflict/index.ts';
import type { Granularity } from '../merge/index.ts';
import type { DocumentInput } from '../protocol/index.ts';

interface Prepared {
  input: ResolutionInput;
  granularity: Granularity;
  result: Promise<ResolutionState | undefined>;
  worker: Worker | undefined;
}

// One at a time: only the merge for the newest inputs can still be useful.
let prepared: Prepared | undefined;

/**
 * Starts merging `input` in a worker, replacing any merge still running for older inputs.
 * Browsers without module workers simply get no head start.
 */
export function prepareResolution(input: ResolutionInput, granularity: Granularity): void {
  if (
    prepared &&
    sameResolutionInput(prepared.input, input) &&
    prepared.granularity === granularity
  )
    return;
  prepared?.worker?.terminate();
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./resolution-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    prepared = undefined;
    return;
  }
  const result = new Promise<ResolutionState | undefined>((resolve) => {
    worker.onmessage = (event: MessageEvent<ResolutionState>) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.onerror = () => {
      resolve(undefined);
      worker.terminate();
    };
  });
  worker.postMessage({ input, granularity });
  prepared = { input, granularity, result, worker };
}

/** The prepared merge of exactly `input`, waiting for it if it is still running; else undefined. */
export async function takePreparedResolution(
  input: ResolutionInput,
  granularity: Granularity,
): Promise<ResolutionState | undefined> {
  if (
    !prepared ||
    prepared.granularity !== granularity ||
    !sameResolutionInput(prepared.input, input)
  ) {
    return undefined;
  }
  return prepared.result;
}

/** The dialog's inputs for a base, a draft and their version. */
export function resolutionInput(
  base: DocumentInput,
  mine: DocumentInput,
  theirs: VersionedDocument,
): ResolutionInput {
  return {
    base: base.body,
    mine: mine.body,
    theirs: theirs.doc.body,
    titles: { base: base.title, mine: mine.title, theirs: theirs.doc.title },
  };
}
