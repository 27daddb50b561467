import type { Input, Method, Output, RpcResult } from './contract';
import { CpwError } from './errors';

/** Carries one call to the backend: Electron IPC in the app, HTTP in browser mode, a direct call in the CLI. */
export type Transport = (method: Method, input: unknown) => Promise<RpcResult<unknown>>;

export interface Client {
  /** Call a method; an error result is thrown as a CpwError with its code and details. */
  call<M extends Method>(method: M, ...input: Record<string, never> extends Input<M> ? [Input<M>?] : [Input<M>]): Promise<Output<M>>;
}

export function createClient(transport: Transport): Client {
  return {
    async call(method, ...[input]) {
      const result = await transport(method, input ?? {});
      if (!result.ok) throw new CpwError(result.error.code, result.error.message, result.error.details);
      return result.value as never;
    },
  };
}
