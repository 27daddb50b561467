/** Hand a URL to the browser as a download named `name` (the user's own downloads folder or save dialog). */
export function downloadUrl(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Save bytes or text as a file download; the object URL is released once the browser has it. */
export function downloadBlob(data: BlobPart, name: string, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  downloadUrl(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file the backend sent in base64 (an export, a printed report), saved as a download. */
export function downloadBase64(base64: string, name: string, type?: string): void {
  downloadBlob(Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0)), name, type);
}
