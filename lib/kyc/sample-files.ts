/** Small valid files for the demo seed and tests: a 1×1 PNG and a one-page PDF. */
export const SAMPLE_PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"),
);

export const SAMPLE_PDF = Uint8Array.from(
  Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    "latin1",
  ),
);

/** A valid NIK for a woman born 17 May 1990 in Jakarta Timur, and the matching identity step. */
export const SAMPLE_IDENTITY = { fullName: "Sari Lestari", nik: "3175015705900001", sex: "female", dateOfBirth: "1990-05-17" } as const;

/** Every step's input for a complete verification (uploads as bytes, as the server action passes them). */
export function sampleKycSteps(overrides: { fullName?: string; annualIncome?: string; accountNumber?: string } = {}) {
  return [
    { step: "identity", ...SAMPLE_IDENTITY, fullName: overrides.fullName ?? SAMPLE_IDENTITY.fullName },
    { step: "selfie", selfie: SAMPLE_PNG },
    { step: "ktp_photo", ktpPhoto: SAMPLE_PNG },
    { step: "address", street: "Jl. Melati No. 12, RT 03/RW 05", city: "Jakarta Timur", province: "DKI Jakarta", postalCode: "13220", proofOfAddress: SAMPLE_PDF },
    { step: "occupation", occupation: "employee", employer: "PT Maju Jaya", annualIncome: overrides.annualIncome ?? "120000000", proofOfIncome: SAMPLE_PDF },
    { step: "bank_account", bankCode: "BCA", accountNumber: overrides.accountNumber ?? "1234567890", holderName: overrides.fullName ?? SAMPLE_IDENTITY.fullName },
  ] as const;
}
