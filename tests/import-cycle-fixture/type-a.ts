import type { TypeB } from "./type-b";

export type TypeA = { b?: TypeB };
