/** Reading worker/config.ts refusals in tests: the problems a refused environment is reported with. */
import { bilingual } from '../../domain/messages';
import { ConfigError, loadConfig } from '../../worker/config';

/** The problems `loadConfig(env)` refuses `env` with; throws if it is accepted. */
export function refusal(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('the configuration was accepted');
}

/** The bilingual text of a problem with variable `name`. */
export const problem = (name: string, text: string): string =>
  bilingual('config.invalid', { name, problem: text });
