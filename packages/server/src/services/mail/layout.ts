/**
 * What a message says, as data: every value is plain text (a customer's name, a service's title,
 * a specialist's reason are whatever someone typed). The layout alone turns it into HTML and text,
 * escaping every value — no template writes markup, so none can forget to escape.
 */
export interface MessageContent {
  subject: string;
  heading: string;
  /** Plain paragraphs, in order. */
  paragraphs: string[];
  /** Label–value rows (when, where, with whom). */
  details?: [label: string, value: string][];
  /** Buttons in HTML, `label: url` lines in text. Only http(s) URLs are kept. */
  actions?: { label: string; url: string }[];
  /** A list (the agenda's sessions). */
  list?: string[];
  /** Small print at the bottom (why this email came). */
  footer: string[];
  /** For non-transactional messages: the unsubscribe line and its link. */
  unsubscribe?: { line: string; label: string; url: string };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and quoted attribute values. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Only absolute http(s) URLs become links; anything else (`javascript:`, relative) is dropped. */
export function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const COLORS = { text: '#1f2933', muted: '#616e7c', accent: '#3a5bd9', line: '#e4e7eb' };

/** Languages written right to left: their emails say `dir="rtl"` and mirror the layout. */
const RTL = /^(?:ar|fa|he|ur)(?:-|$)/i;

/** Whether `locale` is written right to left (the emails' layout and the customer's pages follow it). */
export const isRightToLeft = (locale: string): boolean => RTL.test(locale);

/**
 * The HTML body: one centered column, inline styles (mail clients drop `<style>` blocks). In a
 * right-to-left `locale` the document says so (`dir="rtl"`) and sides swap; `start`/`end` are not
 * used because several mail clients ignore them.
 */
export function renderHtml(content: MessageContent, locale: string): string {
  const e = escapeHtml;
  const rtl = RTL.test(locale);
  const [start, end] = rtl ? ['right', 'left'] : ['left', 'right'];
  const p = (text: string) => `<p style="margin:0 0 16px;line-height:1.5">${e(text).replace(/\n/g, '<br>')}</p>`;
  const details = content.details?.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px;width:100%">${content.details
        .map(([label, value]) => `<tr><th scope="row" style="text-align:${start};vertical-align:top;padding:6px 0;padding-${end}:12px;color:${COLORS.muted};font-weight:normal;white-space:nowrap">${e(label)}</th><td style="padding:6px 0;vertical-align:top">${e(value).replace(/\n/g, '<br>')}</td></tr>`)
        .join('')}</table>`
    : '';
  const list = content.list?.length ? `<ul style="margin:0 0 16px;padding-${start}:20px;line-height:1.6">${content.list.map((item) => `<li>${e(item)}</li>`).join('')}</ul>` : '';
  const actions = (content.actions ?? [])
    .map((a) => ({ label: a.label, url: safeUrl(a.url) }))
    .filter((a): a is { label: string; url: string } => a.url !== undefined)
    .map((a) => `<a href="${e(a.url)}" style="display:inline-block;margin:0 0 8px;margin-${end}:8px;padding:10px 16px;border-radius:6px;background:${COLORS.accent};color:#ffffff;text-decoration:none">${e(a.label)}</a>`)
    .join('');
  const unsubscribeUrl = content.unsubscribe ? safeUrl(content.unsubscribe.url) : undefined;
  const footer = [
    ...content.footer.map((line) => e(line)),
    ...(content.unsubscribe && unsubscribeUrl ? [`${e(content.unsubscribe.line)}<a href="${e(unsubscribeUrl)}" style="color:${COLORS.muted}">${e(content.unsubscribe.label)}</a>`] : []),
  ]
    .map((line) => `<p style="margin:0 0 8px">${line}</p>`)
    .join('');
  return `<!doctype html>
<html lang="${e(locale)}" dir="${rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f5f7fa;color:${COLORS.text};font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px">
<div style="max-width:560px;margin:0 auto;padding:24px 16px">
<div style="background:#ffffff;border:1px solid ${COLORS.line};border-radius:8px;padding:24px">
<h1 style="margin:0 0 16px;font-size:22px">${e(content.heading)}</h1>
${content.paragraphs.map(p).join('\n')}
${details}${list}${actions ? `<div style="margin:8px 0 8px">${actions}</div>` : ''}
</div>
<div style="padding:16px 8px;color:${COLORS.muted};font-size:13px;line-height:1.4">${footer}</div>
</div></body></html>`;
}

/** The plain-text body: the same content, links written out. */
export function renderText(content: MessageContent): string {
  const blocks: string[] = [content.heading, ...content.paragraphs];
  if (content.details?.length) blocks.push(content.details.map(([label, value]) => `${label}: ${value}`).join('\n'));
  if (content.list?.length) blocks.push(content.list.map((item) => `- ${item}`).join('\n'));
  const actions = (content.actions ?? []).filter((a) => safeUrl(a.url)).map((a) => `${a.label}: ${safeUrl(a.url)}`);
  if (actions.length) blocks.push(actions.join('\n'));
  blocks.push(['--', ...content.footer, ...(content.unsubscribe && safeUrl(content.unsubscribe.url) ? [`${content.unsubscribe.line}${safeUrl(content.unsubscribe.url)}`] : [])].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
