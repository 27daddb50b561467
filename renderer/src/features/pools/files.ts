import { toBase64 } from '../import/encode';

/** A file the user picked, as the backend's import takes it: its name and its bytes in base64. */
export async function fileSource(file: File): Promise<{ fileName: string; content: string }> {
  return { fileName: file.name, content: toBase64(new Uint8Array(await file.arrayBuffer())) };
}
