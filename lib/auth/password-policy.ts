// Stub so this branch compiles; the password-policy slice of issue 12 owns and replaces this file.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function weakPasswordReason(password: string, who: { email: string; name?: string | null }): "common" | "containsEmail" | "containsName" | null { return null; }
