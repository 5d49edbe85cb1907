export async function register() {
  // Only the Node.js server prepares the database and the job runner.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Dynamic on purpose (not a cycle): Next.js also loads this file for the edge runtime, where the
  // database and pg-boss cannot load.
  const { bootServer } = await import("./lib/system/boot");
  await bootServer();
}
