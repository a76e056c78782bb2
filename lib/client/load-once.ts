/**
 * A lazily imported module, fetched once and shared. A failed fetch (offline, and the service
 * worker never kept it) is not remembered: the next call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
}
