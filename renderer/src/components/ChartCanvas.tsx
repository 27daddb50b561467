import {
  BarController,
  BarElement,
  BubbleController,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
import { useEffect, useRef } from 'react';

Chart.register(
  BarController,
  BarElement,
  BubbleController,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  annotationPlugin,
);

/** The chart drawn on a canvas, from a config; a new config updates it in place, without animation. */
export function ChartCanvas({ id, config, label }: { id: string; config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  const initial = useRef(config);

  useEffect(() => {
    const el = canvas.current!;
    const c = new Chart(el, initial.current);
    chart.current = c;
    // The chart on its canvas, for the PNG export and for tests that click a point where a user would.
    Object.defineProperty(el, 'chart', { value: c, configurable: true });
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c || config === initial.current) return;
    c.data = config.data;
    c.options = config.options ?? {};
    c.update('none');
  }, [config]);

  return <canvas ref={canvas} role="img" aria-label={label} data-testid={`chart-${id}`} />;
}

/**
 * The chart on the page's own background under its title (what it shows and
 * of which period), so a pasted or saved image still says what it is.
 */
function flattened(el: HTMLCanvasElement, title: string): HTMLCanvasElement {
  const style = getComputedStyle(el);
  const band = Math.round(44 * (window.devicePixelRatio || 1));
  const copy = document.createElement('canvas');
  copy.width = el.width;
  copy.height = el.height + band;
  const g = copy.getContext('2d')!;
  g.fillStyle = style.getPropertyValue('--paper').trim() || '#ffffff';
  g.fillRect(0, 0, copy.width, copy.height);
  g.fillStyle = style.getPropertyValue('--ink').trim() || '#1d2430';
  g.font = `bold ${Math.round(band * 0.45)}px sans-serif`;
  g.textBaseline = 'middle';
  g.fillText(title, Math.round(band * 0.3), band / 2, copy.width - band * 0.6);
  g.drawImage(el, 0, band);
  return copy;
}

/** The chart of a canvas as a PNG data URL, titled, for a download. */
export function chartPng(el: HTMLCanvasElement, title: string): string {
  return flattened(el, title).toDataURL('image/png');
}

/** Put the chart on the clipboard as a titled PNG image, ready to paste into slides. */
export async function copyChartPng(el: HTMLCanvasElement, title: string): Promise<void> {
  const blob = await new Promise<Blob>((done, fail) => flattened(el, title).toBlob((b) => (b ? done(b) : fail(new Error('the chart could not be drawn'))), 'image/png'));
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
}
