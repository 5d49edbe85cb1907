export async function register() {
  // Only the Node.js server prepares the database and the job runner.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A refused environment (e.g. DEMO_MODE=true on PostgreSQL without DEMO_MODE_ON_POSTGRES) stops the
  // server at start instead of leaving it up to answer every request with a 500.
  // Dynamic on purpose (not a cycle): Next.js also loads this file for the edge runtime, where the
  // database and pg-boss cannot load.
  const { env } = await import("./lib/env");
  try {
    env();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
  const { bootServer } = await import("./lib/system/boot");
  await bootServer();
}
