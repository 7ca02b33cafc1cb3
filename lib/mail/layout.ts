/**
 * One plain layout for every mail: the same words as text and as HTML, one link at most,
 * spelled out in full in both (some mail clients hide or rewrite buttons).
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailContent {
  to: string;
  subject: string;
  /** Paragraphs, in order; plain text (escaped for the HTML part). */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** A closing line in smaller print: why the reader got this mail. */
  footer: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderMail(content: MailContent): MailMessage {
  const { to, subject, paragraphs, action, footer } = content;
  const text = [...paragraphs, ...(action ? [`${action.label}:\n${action.url}`] : []), "--", footer].join("\n\n");
  const p = (body: string) => `<p style="margin:0 0 16px;line-height:1.5">${body}</p>`;
  const html = [
    '<!doctype html><html><body style="margin:0;padding:24px;font-family:system-ui,sans-serif;color:#111;background:#fff">',
    '<div style="max-width:560px;margin:0 auto">',
    `<h1 style="font-size:18px;margin:0 0 16px">${escapeHtml(subject)}</h1>`,
    ...paragraphs.map((paragraph) => p(escapeHtml(paragraph))),
    ...(action
      ? [
          p(
            `<a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;border-radius:6px;background:#111;color:#fff;text-decoration:none">${escapeHtml(action.label)}</a>`,
          ),
          p(`Or open this address: <a href="${escapeHtml(action.url)}">${escapeHtml(action.url)}</a>`),
        ]
      : []),
    `<p style="margin:24px 0 0;font-size:12px;color:#555">${escapeHtml(footer)}</p>`,
    "</div></body></html>",
  ].join("\n");
  return { to, subject, text, html };
}
