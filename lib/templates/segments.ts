// How many SMS parts a message costs. GSM 03.38: the basic set costs one septet a character and
// the extension table two (escape + character); anything else forces UCS-2 for the whole message.

const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENSION = new Set("^{}\\[~]|€\f");

const LIMITS = {
  "GSM-7": { single: 160, part: 153 },
  "UCS-2": { single: 70, part: 67 },
} as const;

export type SmsEncoding = keyof typeof LIMITS;

export interface SmsSegments {
  encoding: SmsEncoding;
  /** In the encoding's units: septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  characters: number;
  segments: number;
}

function gsmCost(character: string): number | null {
  if (GSM_BASIC.has(character)) return 1;
  if (GSM_EXTENSION.has(character)) return 2;
  return null;
}

export function smsSegments(text: string): SmsSegments {
  const characters = [...text];
  const gsmCosts = characters.map(gsmCost);
  const encoding: SmsEncoding = gsmCosts.every((cost) => cost !== null) ? "GSM-7" : "UCS-2";
  // An escape pair or a surrogate pair is never split across parts, so a part may hold one unit fewer.
  const costs = encoding === "GSM-7" ? (gsmCosts as number[]) : characters.map((character) => character.length);
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  const limits = LIMITS[encoding];
  if (total === 0) return { encoding, characters: 0, segments: 0 };
  if (total <= limits.single) return { encoding, characters: total, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > limits.part) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, characters: total, segments };
}
