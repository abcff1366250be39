import type { FieldValues, Resolver } from 'react-hook-form';

/**
 * The shared schemas name their cross-field rules with a code (`refine(..., { message: 'nothing_measured' })`),
 * which zod reports as the message. This puts the catalogue's sentence in its place before the form shows it.
 */
export function withRuleMessages<TIn extends FieldValues, TContext, TOut>(
  resolver: Resolver<TIn, TContext, TOut>,
  messages: Readonly<Record<string, string>>,
): Resolver<TIn, TContext, TOut> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    for (const error of Object.values(result.errors)) {
      const message = (error as { message?: unknown } | undefined)?.message;
      if (typeof message === 'string' && Object.hasOwn(messages, message)) {
        (error as { message: string }).message = messages[message]!;
      }
    }
    return result;
  };
}
