import type { Step } from '../scenario.ts';

/** The passage both writers rewrite when a scenario needs an overlapping conflict. */
export const overlapping = 'We agreed to ship the beta in spring.';

/** Alice and Bob rewrite the same sentence; Alice saves first, Bob's save opens the dialog. */
export const bobMeetsAConflict: Step[] = [
  { do: 'open', who: 'alice' },
  { do: 'open', who: 'bob' },
  { do: 'rewrite', who: 'alice', passage: overlapping },
  { do: 'rewrite', who: 'bob', passage: overlapping },
  { do: 'finish-save', who: 'alice' },
  { do: 'save', who: 'bob' },
  { do: 'expect-dialog', who: 'bob' },
];
