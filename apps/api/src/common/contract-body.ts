/**
 * What a request DTO promises about the contract input it becomes: it
 * declares every field of `Input` (a contract input less what the route
 * fills in itself: `Omit<XInput, 'actorId'>`, path parameters), with a type
 * the contract accepts. A DTO `implements ContractBody<Omit<XInput, 'actorId'>, XDto>`,
 * so a field added to the contract, optional ones too, fails to compile until
 * the DTO declares it, or the route says in the `Omit` that it never takes it
 * (test/unit/api/contract-body.spec.ts proves it).
 *
 * `implements Input` alone would let an optional field be missing; the second
 * part makes every field the DTO lacks required, so the compiler names it.
 */
export type ContractBody<Input, Dto> = Input & { readonly [K in Exclude<keyof Input, keyof Dto>]-?: Input[K] };
