/** Hands a text file to the browser's download (the desktop app asks where to save it). */
export function downloadFile(file: { fileName: string; text: string }): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
  link.download = file.fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
