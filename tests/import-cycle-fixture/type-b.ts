import type { TypeA } from "./type-a";

export type TypeB = { a?: TypeA };
