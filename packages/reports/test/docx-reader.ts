import JSZip from 'jszip';
import mammoth from 'mammoth';

// Reading a generated .docx back the way a test needs it: the raw XML parts for layout
// assertions, and the plain text (through mammoth, as the parser reads it) for content.

export async function docxPart(docx: Buffer, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file(path);
  if (file === null) throw new Error(`no ${path} in the docx; parts: ${Object.keys(zip.files).join(', ')}`);
  return file.async('string');
}

export async function docxParts(docx: Buffer): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(docx)).files);
}

export async function docxText(docx: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: docx })).value;
}

/** The attributes of the first `<w:tag …/>` element, as a record. */
export function attributesOf(xml: string, tag: string): Record<string, string> {
  const match = new RegExp(`<w:${tag}\\s([^>]*?)/?>`).exec(xml);
  if (match?.[1] === undefined) throw new Error(`no <w:${tag}> in the XML`);
  return Object.fromEntries([...match[1].matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}
