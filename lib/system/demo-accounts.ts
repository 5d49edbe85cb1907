export const DEMO_PASSWORD = "lumbung-demo-2026";

export const DEMO_ACCOUNTS = [
  { email: "lender@lumbung.test", role: "lender", fullName: "Sari Lestari", phone: "081234567801", locale: "en" },
  {
    email: "borrower@lumbung.test",
    role: "borrower",
    fullName: "Budi Santoso",
    phone: "081234567802",
    locale: "en",
    companyName: "CV Kopi Nusantara",
    businessSector: "food_beverage",
  },
  { email: "admin@lumbung.test", role: "admin", fullName: "Admin Lumbung", phone: "081234567803", locale: "en" },
] as const;

/**
 * Seeded too (same password) but not offered on the sign-in page: a lender whose identity
 * verification waits in the admin KYC review queue.
 */
export const DEMO_KYC_WAITING_ACCOUNT = {
  email: "dewi@lumbung.test",
  role: "lender",
  fullName: "Dewi Anggraini",
  phone: "081234567804",
  locale: "id",
} as const;
