import { a } from "./alias-a";

export const b = { name: "b", a };
