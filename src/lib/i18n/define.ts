/**
 * A layer's or feature's own messages, in all three languages. English defines the keys; sv and nb
 * must have exactly the same ones (a type error otherwise). Keys are namespaced: "<module>.<name>".
 */
export interface ModuleMessages<T extends Record<string, string>> {
  en: T;
  sv: Record<keyof T, string>;
  nb: Record<keyof T, string>;
}

export function defineMessages<const T extends Record<string, string>>(
  messages: ModuleMessages<T>,
): ModuleMessages<T> {
  return messages;
}
