import type { Response } from 'express';

/**
 * An HTTP-level refusal in the shape GraphQL clients already read ({ errors: [{ message, extensions }] }),
 * so a script gets the same kind of error from the gate as from a resolver.
 */
export function refuse(res: Response, status: number, code: string, message: string, details: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...details } }] });
}
