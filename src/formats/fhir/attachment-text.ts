import { TextDecoder } from 'node:util';
import type { AttachmentInput } from './fhir-schemas.js';
import type { DocumentContent } from './fhir-types.js';
import type { ResourceContext } from './resource-context.js';

/**
 * An Attachment (R4 §2.24.0.2) → its text when it carries text inline: `data` (base64) or a `data:` URL
 * (RFC 2397) with a `text/*` content type, or a Binary (in the bundle or contained) that the url points to.
 * Other content (PDF, images, external URLs) keeps its type, title, url and size, with no text.
 */
export function attachmentContent(att: AttachmentInput, ctx: ResourceContext, sub: string): DocumentContent {
  let contentType = att.contentType ?? null;
  let data = att.data ?? null;
  let url = att.url ?? null;
  let dataAt = `${sub}.data`;
  let base64 = true;
  if (data === null && url !== null && /^data:/i.test(url)) {
    // RFC 2397: data:[<mediatype>][;base64],<data>
    const comma = url.indexOf(',');
    const meta = comma === -1 ? '' : url.slice(5, comma);
    base64 = /;base64$/i.test(meta);
    contentType = contentType ?? (meta.replace(/;base64$/i, '') || 'text/plain;charset=US-ASCII');
    data = comma === -1 ? '' : url.slice(comma + 1);
    dataAt = `${sub}.url`;
    url = null;
  } else if (data === null && url !== null) {
    const binary = ctx.index.resolve(url, ctx.self);
    if (binary?.resourceType === 'Binary' && typeof binary.resource.data === 'string') {
      data = binary.resource.data;
      if (contentType === null && typeof binary.resource.contentType === 'string') {
        contentType = binary.resource.contentType;
      }
    }
  }
  return {
    contentType,
    title: att.title ?? null,
    url,
    size: att.size ?? null,
    text: data === null ? null : decodeText(data, base64, contentType, ctx, dataAt),
  };
}

function decodeText(
  data: string,
  base64: boolean,
  contentType: string | null,
  ctx: ResourceContext,
  at: string,
): string | null {
  const [mime = '', ...params] = (contentType ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (contentType !== null && !mime.startsWith('text/')) return null;
  let bytes: Uint8Array;
  if (base64) {
    const compact = data.replace(/\s+/g, '');
    // R4 base64Binary: RFC 4648 base64 (whitespace tolerated).
    if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
      ctx.warn(at, 'not valid base64: the text is not read');
      return null;
    }
    bytes = Buffer.from(compact, 'base64');
  } else {
    try {
      bytes = Buffer.from(decodeURIComponent(data), 'utf8');
    } catch {
      ctx.warn(at, 'not a valid percent-encoded data URL: the text is not read');
      return null;
    }
  }
  const charset =
    params
      .find((p) => p.startsWith('charset='))
      ?.slice(8)
      .replace(/"/g, '') ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    ctx.warn(at, 'unknown charset in the contentType: read as UTF-8');
    decoder = new TextDecoder('utf-8', { fatal: true });
  }
  try {
    const text = decoder.decode(bytes);
    if (contentType === null) {
      // No content type: text only if it reads as text (R4: contentType SHOULD be given with data).
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return null;
      ctx.warn(at, 'attachment without a contentType: read as text/plain');
    }
    return text;
  } catch {
    if (contentType === null) return null;
    ctx.warn(at, `the text is not valid ${decoder.encoding}: unreadable characters were replaced`);
    return new TextDecoder(decoder.encoding).decode(bytes);
  }
}
