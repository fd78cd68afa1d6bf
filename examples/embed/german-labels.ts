import type { ConflictLabels } from '@concord/react';

/**
 * The dialog in German, as a host app would translate it (`?lang=de`): the names a story reaches
 * it by, and the marker lines it writes into the merged result.
 */
export const germanLabels: Partial<ConflictLabels> = {
  dialog: 'Bearbeitungskonflikt lösen',
  saveMerged: 'Zusammengeführte Fassung speichern',
  cancel: 'Abbrechen',
  useMine: 'Meine nehmen',
  useTheirs: 'Ihre nehmen',
  mergedResult: 'Zusammengeführtes Ergebnis',
  conflictsLeft: (n) => (n === 1 ? 'Noch 1 Konflikt' : `Noch ${n} Konflikte`),
  markerLeft: (line) => `In Zeile ${line} steht noch eine Konfliktmarkierung`,
  markers: {
    mine: 'meine Fassung (Konflikt {n})',
    separator: '(Konflikt {n})',
    theirs: 'ihre Fassung (Konflikt {n})',
  },
};
