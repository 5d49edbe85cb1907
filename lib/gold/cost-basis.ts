/**
 * Average buy price, pure. Average-cost method: a buy adds its rupiah to the cost basis and its units
 * to the position; a sale (or bars delivered out of the account) removes units and takes away the same
 * share of the cost basis (cost × removed / position, rounded half up), so the average price per gram
 * does not change on a sale. Unrealised gain = value at today's sell price − remaining cost basis.
 */
export type CostBasisMove = { kind: "buy" | "out"; units: bigint; rupiah: bigint };

export type CostBasis = { units: bigint; cost: bigint };

export function applyCostBasis(moves: readonly CostBasisMove[]): CostBasis {
  let units = 0n;
  let cost = 0n;
  for (const m of moves) {
    if (m.kind === "buy") {
      units += m.units;
      cost += m.rupiah;
    } else if (units > 0n) {
      const removed = m.units > units ? units : m.units;
      const share = (cost * removed * 2n + units) / (2n * units);
      cost -= share;
      units -= removed;
      if (units === 0n) cost = 0n;
    }
  }
  return { units, cost };
}
