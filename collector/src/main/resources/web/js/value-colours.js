// Cells of a row with the same value share a colour, so divergence jumps out. A row whose scopes
// all hold one value stays uncoloured: colour is kept for disagreement.

export const PALETTE_SIZE = 8;

/** The colour (0..PALETTE_SIZE-1) of each set value in a row, or null where there is nothing to tell apart. */
export function valueColours(row, scopeOrder) {
  const cells = scopeOrder.map((scope) => row.cells[scope]).filter(Boolean);
  const diverges = new Set(cells.map((cell) => cell.valueGroup)).size > 1;
  const colourOfGroup = new Map();
  const colourOfFingerprint = new Map();
  for (const cell of cells) {
    if (!cell.present) continue;
    if (!colourOfGroup.has(cell.valueGroup)) colourOfGroup.set(cell.valueGroup, colourOfGroup.size % PALETTE_SIZE);
    if (cell.fingerprint) colourOfFingerprint.set(cell.fingerprint, colourOfGroup.get(cell.valueGroup));
  }
  return {
    ofCell: (cell) => (diverges && cell.present ? colourOfGroup.get(cell.valueGroup) : null),
    ofFingerprint: (fingerprint) => (diverges && colourOfFingerprint.has(fingerprint) ? colourOfFingerprint.get(fingerprint) : null),
  };
}

export function colourClass(colour) {
  return colour === null || colour === undefined ? '' : `value-colour-${colour}`;
}
