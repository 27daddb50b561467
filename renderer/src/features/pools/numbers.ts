import { parseNumber } from '../../../../shared/text/numbers';

/** A number typed in a field of the cost pools, as people type them; null when it is not one. */
export const readNumber = (text: string): number | null => {
  const n = parseNumber(text);
  return n.ok && n.value !== null && Number.isFinite(n.value) ? n.value : null;
};
