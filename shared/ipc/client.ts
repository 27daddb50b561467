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

/** A call answered as its result, typed by the contract: for callers that branch on a refusal rather than catch it. */
export type ResultCall = <M extends Method>(method: M, ...input: Record<string, never> extends Input<M> ? [Input<M>?] : [Input<M>]) => Promise<RpcResult<Output<M>>>;

/** The contract's types over a transport that answers results (the backend's own `call`, as the desktop shell uses it). */
export function resultCaller(transport: Transport): ResultCall {
  return ((method: Method, input?: unknown) => transport(method, input ?? {})) as ResultCall;
}
