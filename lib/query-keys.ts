/** TanStack Query keys in one place (client-safe). */
export const queryKeys = {
  wallet: ["wallet"] as const,
  topUp: (id: string) => ["topups", id] as const,
  movements: (params: Record<string, string | number | undefined>) => ["wallet", "movements", params] as const,
  fundingProgress: (ids: readonly string[]) => ["marketplace", "progress", [...ids].sort().join(",")] as const,
  goldPrice: ["gold", "price"] as const,
  goldHistory: (range: string) => ["gold", "history", range] as const,
  autoPurchasePreview: (rules: string) => ["autoPurchase", "preview", rules] as const,
  segmentPreview: (body: string) => ["segments", "preview", body] as const,
};
