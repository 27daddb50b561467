import { AllCommunityModule, colorSchemeVariable, ModuleRegistry, themeQuartz } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

/** One look for every grid of the app: the sheet, the interactions log. */
export const gridTheme = themeQuartz.withPart(colorSchemeVariable).withParams({
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 30,
  headerHeight: 34,
  accentColor: '#1f5fae',
});
