import { AllCommunityModule, colorSchemeVariable, createPart, ModuleRegistry, themeQuartz } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

/**
 * Overlay scrollbars (macOS with a trackpad, any browser whose scrollbars take
 * no room): AG Grid then marks its horizontal scrollbar `ag-scrollbar-invisible`
 * and lays it, 16px high, over the bottom of the rows, just above the pinned
 * totals, while it still scrolls the rows to the bottom edge of the viewport.
 * The last row (and any row the arrow keys bring in from below) stays half
 * under it. Here the strip takes its place in the flow instead, below the
 * totals, as a classic scrollbar does: the rows' viewport is 16px shorter, and
 * AG Grid, which measures that viewport, scrolls every row wholly into view.
 * Hidden (no horizontal scrolling), the strip takes no room.
 */
const overlayScrollbarRoom = createPart({
  feature: 'overlayScrollbarRoom',
  css: '.ag-root > .ag-body-horizontal-scroll.ag-scrollbar-invisible { position: static; }',
});

/** One look for every grid of the app: the sheet, the interactions log, the cost drivers. */
export const gridTheme = themeQuartz
  .withPart(colorSchemeVariable)
  .withPart(overlayScrollbarRoom)
  .withParams({
    fontSize: 13,
    headerFontWeight: 600,
    rowHeight: 30,
    headerHeight: 34,
    accentColor: '#1f5fae',
  });
