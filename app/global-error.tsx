"use client";

// Last resort when the root layout itself fails: no translations are available here.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center" }}>
        <h1>Something went wrong · Terjadi kesalahan</h1>
        <button type="button" onClick={reset} style={{ marginTop: "1rem", padding: "0.75rem 1rem" }}>
          Try again · Coba lagi
        </button>
      </body>
    </html>
  );
}
