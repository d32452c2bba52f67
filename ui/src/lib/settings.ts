// Settings kept on this computer only (the web view's local storage): a view, a choice of
// theme or order. Never worth an error: a store that is missing, full or refuses is ignored.

function localStore(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The setting's value, or null when there is none or it cannot be read. */
export function readSetting(
  key: string,
  store: Pick<Storage, "getItem"> | null = localStore(),
): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Keeps the setting; null forgets it. */
export function writeSetting(
  key: string,
  value: string | null,
  store: Partial<Pick<Storage, "setItem" | "removeItem">> | null = localStore(),
): void {
  try {
    if (value === null) store?.removeItem?.(key);
    else store?.setItem?.(key, value);
  } catch {
    // A full or unavailable store only forgets it.
  }
}
