/** A valid 1×1 PNG (CRCs and zlib checksum right: Chromium decodes it) (a customer's "screenshot" in upload tests). */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082',
  'hex',
);
