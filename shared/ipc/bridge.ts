/**
 * What the desktop app's preload exposes to the renderer as `window.cpw`.
 * Types only: the renderer may import shared/ but never electron/, and the
 * preload and main check their values against these with `satisfies`.
 */
import type { DesktopLiveEvent, TeamSignIn } from './live-events';
import type { RpcResult } from './contract';

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
  /** renderer -> main: connect to a team workbook ({ address, token }), or hear again who is signed in ({ replay: true }). */
  team: 'cpw:team';
  /** main -> renderer: the team server's events, passed on, and `lost` when its stream drops. */
  live: 'cpw:live';
}

/** File > Connect to Team Workbook…: the server's address (or the sign-in address the admin sent, with ?token=) and the token. */
export interface TeamConnectRequest {
  address: string;
  token: string;
}

/** Who the token signed in as; `tokenKept` says whether the token was kept (encrypted by the system) for next time. */
export type TeamConnected = RpcResult<TeamSignIn & { address: string; tokenKept: boolean }>;

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
 * `import` opens the import wizard, which reads the file the user picks;
 * `connect-team` asks for a team server's address and sign-in token.
 */
export type AppCommand = 'undo' | 'redo' | 'workbook-changed' | 'import' | 'connect-team' | HelpCommand;

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
  /** Connect the window to a team workbook; main opens it and the window reloads. */
  connectTeam(request: TeamConnectRequest): Promise<TeamConnected>;
  /** Subscribe to the team server's events (nothing comes while a file is open); main says again who is signed in at once. */
  onLive(listener: (event: DesktopLiveEvent) => void): () => void;
}
