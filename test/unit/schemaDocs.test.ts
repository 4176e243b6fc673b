import { readFileSync } from 'node:fs';
import { buildASTSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, parse, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { modules } from '../../server/src/modules/index.js';

/** The merged SDL, read without resolvers (no database needed). */
function sdlSchema() {
  const sdl = modules.map((m) => readFileSync(m.sdl, 'utf8')).join('\n');
  return buildASTSchema(parse(sdl), { assumeValidSDL: false });
}

/** Every type, field, argument, input field and enum value of our own schema that has no description. */
function undocumented(): string[] {
  const missing: string[] = [];
  const types = Object.values(sdlSchema().getTypeMap()).filter((t: GraphQLNamedType) => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name));
  for (const t of types) {
    if (!t.description?.trim() && !['Query', 'Mutation'].includes(t.name)) missing.push(t.name);
    if (isObjectType(t) || isInterfaceType(t)) {
      for (const f of Object.values(t.getFields())) {
        if (!f.description?.trim()) missing.push(`${t.name}.${f.name}`);
        for (const a of f.args) if (!a.description?.trim()) missing.push(`${t.name}.${f.name}(${a.name})`);
      }
    }
    if (isInputObjectType(t)) for (const f of Object.values(t.getFields())) if (!f.description?.trim()) missing.push(`${t.name}.${f.name}`);
    if (isEnumType(t)) for (const v of t.getValues()) if (!v.description?.trim()) missing.push(`${t.name}.${v.name}`);
  }
  return missing;
}

describe('the GraphQL schema documents itself', () => {
  it('has a description on every type, field, argument, input field and enum value', () => {
    expect(undocumented()).toEqual([]);
  });
});
