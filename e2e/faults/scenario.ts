/**
 * A fault scenario is data: who takes part, the document they start from, and a script of what
 * they do, what goes wrong, and how they recover. `run-scenario.ts` plays it in real browsers
 * against the real server; `judge.ts` then checks that no word anyone typed was lost.
 */

/** A person, or another tab of the same person: `alice`, `bob`, `carol`, or `alice#2`. */
export type Who = string;

/** Where typed text goes in the body: at the end, at the start, or right after a passage. */
export type Where = 'end' | 'start' | { after: string };

/** A dialog action by its public name (design.md's UI contract). */
export type DialogAction =
  'use-mine' | 'use-theirs' | 'use-both' | 'save-merged' | 'keep-mine' | 'take-theirs' | 'escape';

/** A fault the network of one person's browser suffers on its next requests to the API. */
export type NetworkFault =
  /** Answers arrive `ms` late. */
  | { kind: 'delay'; ms: number }
  /** The request reaches the server, but its answer never reaches the browser. */
  | { kind: 'lose-answer' }
  /** The server seems to answer 503. */
  | { kind: 'fail-5xx' }
  /** The connection is refused. */
  | { kind: 'refuse' };

export type Step =
  /** Opens the document in this person's tab (a new tab for `alice#2`). */
  | { do: 'open'; who: Who }
  /** Types a tracked sentence, key by key, as the person would. */
  | { do: 'type'; who: Who; where?: Where }
  /** Replaces a passage of the body with a tracked sentence (the passage is then gone on purpose). */
  | { do: 'rewrite'; who: Who; passage: string }
  /** Types a tracked sentence as the title. */
  | { do: 'retitle'; who: Who }
  /** Clicks Save. */
  | { do: 'save'; who: Who }
  /** Waits until the editor says "Saved", and checks that it shows what the server has. */
  | { do: 'expect-saved'; who: Who }
  /** Save, merging what merges by itself, until saved (what a person does after typing). */
  | { do: 'finish-save'; who: Who }
  /** Waits until the conflict dialog is open. */
  | { do: 'expect-dialog'; who: Who }
  /** An action in the conflict dialog; `conflict` numbers the group from 1. */
  | { do: 'dialog'; who: Who; action: DialogAction; conflict?: number }
  /** Types a tracked sentence at the end of the dialog's merged result. */
  | { do: 'type-in-merged-result'; who: Who }
  /** Reloads the tab (with `serverDown`, the reload is expected to fail: the page cannot load). */
  | { do: 'reload'; who: Who; serverDown?: boolean }
  /** Clicks a control by role and name (a confirmation, a notice's button). */
  | { do: 'click'; who: Who; name: string; role?: 'button' | 'link' }
  /** This tab's clock runs `ms` off the real time from now on. */
  | { do: 'clock-offset'; who: Who; ms: number }
  /**
   * From the next page load on, this person's browser refuses every write to web storage and
   * IndexedDB (quota full).
   */
  | { do: 'storage-full'; who: Who }
  /** The person sees an alert that says `text`. */
  | { do: 'expect-alert'; who: Who; text: string }
  /** Closes the tab (its drafts stay for the next tab, as a closed tab's). */
  | { do: 'close'; who: Who }
  /** Clicks "Restore them" on a closed tab's edits. */
  | { do: 'restore-closed-tab'; who: Who }
  /** Clicks "Restore my edits" after Take theirs. */
  | { do: 'restore-my-edits'; who: Who }
  /** The browser goes offline; with `ms`, it comes back by itself after that long. */
  | { do: 'offline'; who: Who; ms?: number }
  | { do: 'online'; who: Who }
  /** The next `times` API requests of this person's tab (default 1) suffer `fault`. */
  | { do: 'network'; who: Who; fault: NetworkFault; times?: number; only?: 'PUT' | 'GET' }
  /** Every fault of this person's network is healed. */
  | { do: 'heal-network'; who: Who }
  /** SIGKILL the server (mid-whatever), then start it again on the same port and store. */
  | { do: 'kill-server' }
  | { do: 'restart-server' }
  /** PostgreSQL restarts as after a crash, under the running server (scenarios on `postgres`). */
  | { do: 'restart-postgres' }
  /** SIGKILL this person's whole browser (a crash, not a close), then start it on the same profile. */
  | { do: 'crash-browser'; who: Who }
  | { do: 'relaunch-browser'; who: Who }
  /** Freezes the tab as the page lifecycle does for a background tab, then resumes it. */
  | { do: 'freeze'; who: Who }
  | { do: 'resume'; who: Who }
  /** Someone outside the browsers (a script, a third person) saves through the API. */
  | { do: 'api-save'; as: string; where?: Where }
  /** Clicks "Save as a new document" (after a delete) and waits until the new one is saved. */
  | { do: 'save-as-new'; who: Who }
  /** Someone deletes the document through the API. */
  | { do: 'api-delete'; as: string }
  /** Marks the moment the fault is over: recovery is timed from here. */
  | { do: 'fault-over' }
  /** Lets time pass (only for faults that are about time: a timer, a flush). */
  | { do: 'wait'; ms: number };

export interface Scenario {
  /** Named after the failure it replays, e.g. "MediaWiki: own edit from a second tab overwritten". */
  name: string;
  /** The kind of fault, for the report's table. */
  fault: string;
  /** Browser people (and tabs) taking part. A person named in `crash-browser` gets a persistent profile. */
  people: Who[];
  /** The store the server runs on: SQLite by default. */
  store?: 'sqlite' | 'postgres';
  /** The document's body at the start; paragraphs by default. */
  seed?: string;
  steps: Step[];
  /**
   * A loss this scenario found that the product does not fix yet: the scenario is listed and
   * counted as open (test.fixme) with this reason, never quietly dropped or bent to pass.
   */
  knownLoss?: string;
  /** Megabytes to load, merge and store at every step: three times the time. */
  slow?: boolean;
}
