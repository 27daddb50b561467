/**
 * Sums that an account can be taken out of again without the rest drifting:
 * each sum has a companion slot for the rounding error of its additions
 * (Neumaier's compensated summation). Adding 16 to 0.000001 and taking the
 * 16 out again leaves 0.000001, where a plain running sum leaves
 * 0.0000010000000010. A sum's value is the two slots added.
 */
export function addCompensated(sums: Float64Array, at: number, errorAt: number, x: number): void {
  const s = sums[at]!;
  const y = s + x;
  sums[errorAt]! += Math.abs(s) >= Math.abs(x) ? s - y + x : x - y + s;
  sums[at] = y;
}
