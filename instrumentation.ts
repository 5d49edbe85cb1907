export async function register() {
  // Only the Node.js server prepares the database and the job runner.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("./lib/system/boot");
  await bootServer();
}
