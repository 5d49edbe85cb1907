import { b } from "@/tests/import-cycle-fixture/alias-b";

export const a = (): string => `a${b.name}`;
