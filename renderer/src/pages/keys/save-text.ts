/** Offers text to the browser's download mechanism. Only for public material: private keys are written by main. */
export function saveText(fileName: string, content: string, type = 'application/x-pem-file'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
