import type { z } from 'zod';
import type { Operation, OperationName } from './contract/operations.js';
import type { Namespaces } from './namespaces.js';
import type { routes } from './contract/routes.js';
import type { CreditsOptions, CustomerSessionOptions, ManageOptions, Method, RequestOptions, Transport } from './transport.js';

// The types below read the route specs (`typeof routes`, a type-only import: no schema ships in
// the client); the function reads only the zod-free `operations` the specs are built from.

type Routes = typeof routes;

/** One string argument per `{param}` of `Path`, in order, named after it. */
type PathArgs<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}` ? [...PathArg<Name>, ...PathArgs<Rest>] : [];
type PathArg<Name extends string> = Name extends 'handle' ? [handle: string] : Name extends 'id' ? [id: string] : [param: string];

/** A query as the caller writes it: a field the server reads as a comma-separated list is an array. */
export type QueryInput<Q extends z.ZodType> = {
  [K in keyof z.input<Q>]: NonNullable<z.output<Q>[K & keyof z.output<Q>]> extends readonly (infer Item)[]
    ? NonNullable<z.input<Q>[K]> extends string
      ? Item[]
      : z.input<Q>[K]
    : z.input<Q>[K];
};

type AuthOf<S> = S extends { auth: infer Auth } ? Auth : undefined;

/** A booking's calls need its manage token, a purchase's its credits token; others take options if they like. */
type OptionArgs<Auth> = Auth extends 'manageToken' ? [opts: ManageOptions] : Auth extends 'creditsToken' ? [opts: CreditsOptions] : Auth extends 'customerSession' ? [opts: CustomerSessionOptions] : [opts?: RequestOptions];

/** The body or query argument: optional when every field is, unless a required options object follows it. */
type InputArgs<S> = S extends { input: 'body'; body: infer Body extends z.ZodType }
  ? Optional<z.input<Body>, S> extends true
    ? [params?: z.input<Body>]
    : [params: z.input<Body>]
  : S extends { input: 'query'; query: infer Query extends z.ZodType }
    ? Optional<QueryInput<Query>, S> extends true
      ? [query?: QueryInput<Query>]
      : [query: QueryInput<Query>]
    : [];
type Optional<Input, S> = [AuthOf<S>] extends ['manageToken' | 'creditsToken' | 'customerSession'] ? false : {} extends Input ? true : false;

/** What the operation answers with on success. */
export type Answer<S> = S extends { response: { schema: infer Schema extends z.ZodType } } ? z.output<Schema> : never;

/**
 * The client method of operation `N`, typed by its route spec: the path's parameters, then the
 * body or query, then the options — `(id, params, opts)`. It carries its `operationId`.
 */
export type OperationMethod<N extends OperationName> = MethodOf<Routes[N]>;
type MethodOf<S extends { path: string; operationId: string }> = ((...args: [...PathArgs<S['path']>, ...InputArgs<S>, ...OptionArgs<AuthOf<S>>]) => Promise<Answer<S>>) & {
  readonly operationId: S['operationId'];
};

/** The methods of a namespace tree: each leaf becomes its operation's method. */
export type ClientNamespaces<T extends Namespaces> = {
  [K in keyof T]: T[K] extends OperationName ? OperationMethod<T[K]> : T[K] extends Namespaces ? ClientNamespaces<T[K]> : never;
};

/**
 * The methods of `tree`, each leaf's operation read from `table`. The table is a parameter, not an
 * import, so a client built from a smaller table (`createVisitorClient`) ships only that table.
 */
export function methodsOf<T extends Namespaces>(request: Transport, tree: T, table: Readonly<Record<string, Operation>>): ClientNamespaces<T> {
  const entries = Object.entries(tree).map(([name, node]) => [name, typeof node === 'string' ? operationMethod(request, table[node]!) : methodsOf(request, node, table)]);
  return Object.fromEntries(entries) as ClientNamespaces<T>;
}

/** The client method of `operation`, sending its requests through `request`. */
function operationMethod(request: Transport, operation: Operation): unknown {
  const method = operation.method.toUpperCase() as Method;
  const paramCount = operation.path.match(/\{\w+\}/g)?.length ?? 0;
  const call = (...args: unknown[]) => {
    let next = 0;
    const path = operation.path.replace(/\{\w+\}/g, () => encodeURIComponent(String(args[next++])));
    const input = operation.input ? args[paramCount] : undefined;
    const opts = args[operation.input ? paramCount + 1 : paramCount] as RequestOptions | undefined;
    return request(method, path, {
      body: operation.input === 'body' ? (input ?? {}) : undefined,
      query: operation.input === 'query' ? queryOf(input as Record<string, unknown> | undefined) : undefined,
      auth: operation.auth,
      opts,
    });
  };
  return Object.assign(call, { operationId: operation.operationId });
}

/** The query as sent: lists joined with commas, as the server reads them. */
function queryOf(input: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : value]));
}
