/**
 * What the desktop app's preload exposes to the renderer as `window.cpw`.
 * Types only: the renderer may import shared/ but never electron/, and the
 * preload and main check their values against these with `satisfies`.
 */

/** The IPC channels between main and preload; both spell them through these types, so they cannot drift apart. */
export interface CpwChannels {
  /** renderer -> main: one RPC call, answered with an RpcResult. */
  rpc: 'cpw:rpc';
  /** main -> renderer: a menu command or a notice. */
  command: 'cpw:command';
  /** renderer -> main: print the workshop report with printToPDF and save it where the user says. */
  report: 'cpw:report';
  /** renderer -> main: show the New or Open workbook dialog (the welcome screen's buttons). */
  file: 'cpw:file';
}

/** The file dialogs the window may ask main to show; main opens what the user picks. */
export type FileDialog = 'new' | 'open';

/** What "Save PDF…" came to: the file written, cancelled by the user, or refused with the reason. */
export type SavedReport =
  | { saved: true; path: string; period: string; bytes: number }
  | { saved: false; cancelled?: true; message?: string };

/**
 * What main may ask of the renderer. The menu's Undo and Redo are the
 * workbook's own history, which the renderer drives; `workbook-changed` says
 * main opened, created or saved another workbook, so the window reloads its data;
 * `import` opens the import wizard, which reads the file the user picks.
 */
export type AppCommand = 'undo' | 'redo' | 'workbook-changed' | 'import' | HelpCommand;

/** The Help menu's items, which the window shows: the glossary, the shortcut sheet, the welcome screen, the tour, settings. */
export type HelpCommand = 'glossary' | 'shortcuts' | 'welcome' | 'tour' | 'settings';

export interface CpwBridge {
  /** One call of the RPC contract; resolves to its `RpcResult`, never rejects for an error result. */
  rpc(method: string, input: unknown): Promise<unknown>;
  /** The workshop report ({ period?, paper, scenarios? }) printed by the app and saved where the user says. */
  saveReport(request: unknown): Promise<SavedReport>;
  /** Show the New or Open workbook dialog; main opens the workbook chosen and the window reloads. */
  fileDialog(kind: FileDialog): Promise<void>;
  /** Subscribe to main's commands; returns the unsubscribe function. */
  onCommand(listener: (command: AppCommand) => void): () => void;
}
