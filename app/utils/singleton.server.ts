/**
 * One instance per process, even when the same module is loaded twice (the built app bundle and the
 * scripts that run beside it, or Vite's dev loader): keyed on globalThis.
 */
const store = ((globalThis as { __concoursSingletons?: Map<string, unknown> }).__concoursSingletons ??=
  new Map<string, unknown>());

export function singleton<T>(name: string, create: () => T): T {
  if (!store.has(name)) store.set(name, create());
  return store.get(name) as T;
}

export function dropSingleton(name: string) {
  store.delete(name);
}
