import { dynamicB } from "./dynamic-b";

export const dynamicA = (): string => dynamicB.name;
