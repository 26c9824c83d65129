const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** Twilio's answer to an inbound SMS: an immediate reply, or nothing. */
export function twimlResponse(reply: string | null): Response {
  const body = reply ? `<Response><Message>${escapeXml(reply)}</Message></Response>` : "<Response/>";
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>${body}`, { headers: { "content-type": "text/xml; charset=utf-8" } });
}
