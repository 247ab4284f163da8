/**
 * Adds a dropped, pasted or chosen image to the site, scaled down to a maximum width first when
 * asked (in the browser, with a canvas), through the core which picks a clean, unique name.
 */
import { api } from '../app/api';

const RASTER = /^image\/(png|jpeg|webp)$/;

/** The image scaled down to `maxWidth` (raster types the browser decodes); else the file itself. */
export async function scaledImage(file: File, maxWidth: number): Promise<Blob> {
  if (!RASTER.test(file.type) || maxWidth <= 0) return file;
  // An image the browser cannot decode is added as it is; the core still checks its type.
  const bitmap = await createImageBitmap(file).catch(() => null);
  if (!bitmap) return file;
  if (bitmap.width <= maxWidth) return file;
  const height = Math.round((bitmap.height * maxWidth) / bitmap.width);
  const canvas = document.createElement('canvas');
  canvas.width = maxWidth;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, maxWidth, height);
  return new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b ?? file), file.type, 0.9));
}

export function base64Of(bytes: ArrayBuffer): string {
  const u8 = new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < u8.length; i += 0x8000) binary += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function uploadImage(file: File, maxWidth = 0, folder?: string): Promise<{ path: string; markdownPath: string }> {
  const blob = await scaledImage(file, maxWidth);
  const name = file.name || `pasted.${(file.type.split('/')[1] ?? 'png').replace('jpeg', 'jpg')}`;
  return api.addImage({ name, data: base64Of(await blob.arrayBuffer()), ...(folder ? { folder } : {}) });
}

/** Image files among dropped or pasted items. */
export function imageFiles(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((f) => f.type.startsWith('image/'));
}
