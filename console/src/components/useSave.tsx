import { useAppContext } from '../api/app-context';
import { useFeedback } from './feedback';

/**
 * Writes config into the admin's draft (opened first if none is), as the App Services UI's
 * "Save Draft" does; the banner then counts the change. Resolves to `fn`'s result, or undefined
 * after showing the error.
 */
export function useSaveDraft() {
  const { draft } = useAppContext();
  const { run } = useFeedback();
  return <T,>(fn: () => Promise<T>, done = 'Saved to draft') =>
    run(async () => {
      await draft.ensure();
      try {
        return await fn();
      } finally {
        await draft.refresh();
      }
    }, done);
}
