/** Git's conflict markers: the character each repeats, in the order they appear. */
export const MARKER_CHARS = { mine: '<', base: '|', separator: '=', theirs: '>' } as const;

/** Git's default length of a marker (`conflict-marker-size`). */
export const DEFAULT_MARKER_SIZE = 7;
