export const dynamicB = {
  name: "b",
  load: async (): Promise<string> => (await import("./dynamic-a")).dynamicA(),
};
