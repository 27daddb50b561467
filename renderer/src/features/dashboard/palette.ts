import type { Bucket, SegmentName } from '../../../../shared/schemas/fields';

/** Okabe and Ito's colour-blind-safe palette; no meaning is carried by colour alone (labels and tables say it too). */
export const OKABE_ITO = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
} as const;

export const BUCKET_COLOURS: Record<Bucket, string> = {
  presale: OKABE_ITO.blue,
  production: OKABE_ITO.sky,
  distribution: OKABE_ITO.green,
  service: OKABE_ITO.orange,
  labour: OKABE_ITO.purple,
};

export const SEGMENT_COLOURS: Record<SegmentName, string> = {
  Protect: OKABE_ITO.green,
  Fix: OKABE_ITO.orange,
  Develop: OKABE_ITO.sky,
  Reassess: OKABE_ITO.vermillion,
};

export const CLASS_COLOURS = [OKABE_ITO.blue, OKABE_ITO.sky, OKABE_ITO.purple, OKABE_ITO.vermillion];

/** The theme's ink and grid colours, read from the page so charts follow light and dark. */
export function themeColours(): { ink: string; muted: string; line: string } {
  const css = getComputedStyle(document.documentElement);
  return {
    ink: css.getPropertyValue('--ink').trim() || '#1d2430',
    muted: css.getPropertyValue('--muted').trim() || '#5b6575',
    line: css.getPropertyValue('--line').trim() || '#d9dee6',
  };
}
