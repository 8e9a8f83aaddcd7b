// Runs an admin action, keeps its error message for the panel, and reloads the panel's data after success.
import { useState } from 'preact/hooks';

export function useAdminAction(reload: () => void) {
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return { error, run };
}
