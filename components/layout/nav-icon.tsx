/** Line icons of the shell's navigation (24 px grid, drawn with the current text colour). */
const PATHS = {
  home: "M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z",
  market: "M3 9h18l-1.5-5h-15zM4 9v11h16V9M9 20v-6h6v6",
  portfolio: "M4 20V10M10 20V4M16 20v-7M22 20H2",
  wallet: "M3 7h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zM3 7l12-4v4M16 13.5h2",
  gold: "M4 18h16l-2.5-6h-11zM7 12l2-5h6l2 5",
  auto: "M4 12a8 8 0 0 1 14-5.3M20 12a8 8 0 0 1-14 5.3M18 3v4h-4M6 21v-4h4",
  cart: "M3 4h2l2.4 11h10.2L20 7H6.2M9 20h.01M17 20h.01",
  verify: "M12 3 4 6v6c0 4.5 3.4 8 8 9 4.6-1 8-4.5 8-9V6zM8.5 12l2.5 2.5 4.5-5",
  bell: "M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0",
  shield: "M12 3 4 6v6c0 4.5 3.4 8 8 9 4.6-1 8-4.5 8-9V6zM12 9v4M12 16h.01",
  apply: "M6 3h9l4 4v14H6zM14 3v5h5M12 11v6M9 14h6",
  loans: "M4 5h16v14H4zM4 10h16M8 15h3",
  users: "M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21a7 7 0 0 1 14 0M16 3.5a4 4 0 0 1 0 7.5M19 14.5a7 7 0 0 1 3 6.5",
  reviews: "M9 5h11M9 12h11M9 19h11M4 5l1 1 2-2M4 12l1 1 2-2M4 19l1 1 2-2",
  products: "M12 3 3 7.5l9 4.5 9-4.5zM3 12l9 4.5 9-4.5M3 16.5 12 21l9-4.5",
  withdrawals: "M12 3v12M7 10l5 5 5-5M4 21h16",
  ledger: "M5 4h12a2 2 0 0 1 2 2v14H7a2 2 0 0 1-2-2zM5 18a2 2 0 0 1 2-2h12M9 8h6",
  jobs: "M12 8v4l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z",
  audit: "M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM21 21l-4.3-4.3",
  clock: "M5 3h14M5 21h14M7 3c0 5 10 5 10 9s-10 4-10 9M17 3c0 5-10 5-10 9s10 4 10 9",
  kyc: "M3 5h18v14H3zM8 10a2 2 0 1 0 0 .01M6 15c.5-1.5 3.5-1.5 4 0M14 9h4M14 13h4",
  more: "M4 6h16M4 12h16M4 18h16",
} as const;

export type NavIconName = keyof typeof PATHS;

export function NavIcon({ name, className = "h-6 w-6" }: { name: NavIconName; className?: string }) {
  return (
    <svg aria-hidden className={className} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
