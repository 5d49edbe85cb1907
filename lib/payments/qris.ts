/**
 * A QRIS-shaped payload (EMVCo merchant-presented QR: tag-length-value fields, CRC-16/CCITT-FALSE in
 * tag 63). The sandbox issues one per request; the UI renders it as a QR code. Pure.
 */
function tlv(tag: string, value: string): string {
  if (value.length > 99) throw new RangeError(`QRIS field ${tag} is too long`);
  return `${tag}${value.length.toString().padStart(2, "0")}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as QRIS uses: upper-case hex, 4 digits. */
export function crc16ccitt(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, "utf8")) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

export function buildQrisPayload({ reference, amount, merchantName = "LUMBUNG SANDBOX", city = "JAKARTA" }: {
  reference: string;
  amount: bigint;
  merchantName?: string;
  city?: string;
}): string {
  const body =
    tlv("00", "01") + // payload format indicator
    tlv("01", "12") + // dynamic QR: one payment
    tlv("26", tlv("00", "ID.CO.LUMBUNG.SANDBOX") + tlv("01", reference)) +
    tlv("52", "6012") + // merchant category
    tlv("53", "360") + // IDR
    tlv("54", amount.toString()) +
    tlv("58", "ID") +
    tlv("59", merchantName) +
    tlv("60", city) +
    tlv("62", tlv("01", reference)) +
    "6304";
  return body + crc16ccitt(body);
}

/** Checks the CRC of a payload (what a banking app does before paying). */
export function isValidQrisPayload(payload: string): boolean {
  if (payload.length < 8 || payload.slice(-8, -4) !== "6304") return false;
  return crc16ccitt(payload.slice(0, -4)) === payload.slice(-4);
}
