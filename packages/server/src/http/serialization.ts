/**
 * How JSON answers are written.
 *
 * Every route declares its answers with the zod schemas from core: they document the API (OpenAPI) and are the
 * contract clients rely on. The presenters are allow-lists that build exactly those shapes, so in production an
 * answer is written with plain `JSON.stringify`: validating each answer again with zod before writing it cost
 * more than the rest of a progress read, and a mismatch there could only turn a correct answer into a 500.
 *
 * Tests run with `checkResponses` on (the integration harness sets it): each answer is validated against its
 * schema, and the check also fails when what is sent differs from what the schema lets through — a field the
 * schema does not list (zod would have stripped it; plain stringify would send it) or a value a schema would
 * transform. So every answer the tests see is exactly what production sends, and exactly what the schema says.
 * Compiling the schemas to fast-json-stringify instead was not chosen: zod's JSON Schema of unions, nullables
 * and records is not always what fast-json-stringify serialises faithfully, and it would be a second allow-list.
 */
import { isDeepStrictEqual } from "node:util";
import { serializerCompiler as zodSerializerCompiler } from "fastify-type-provider-zod";

type SerializerCompiler = typeof zodSerializerCompiler;
type RouteSchema = Parameters<SerializerCompiler>[0];

const plainJson: SerializerCompiler = () => (data: unknown) => JSON.stringify(data);

/** Checks an answer against its schema (tests); see above. */
const checkedJson: SerializerCompiler = (route: RouteSchema) => {
  const validated = zodSerializerCompiler(route);
  return (data: unknown) => {
    const sent = JSON.stringify(data);
    // Throws when the answer does not match its schema.
    const allowed = validated(data);
    if (!isDeepStrictEqual(JSON.parse(sent), JSON.parse(allowed))) {
      throw new Error(
        `${route.method} ${route.url}: the answer holds fields or values its response schema would not send:\n` +
          `sent    ${sent}\nallowed ${allowed}`,
      );
    }
    return sent;
  };
};

export function responseSerializerCompiler(checkResponses: boolean): SerializerCompiler {
  return checkResponses ? checkedJson : plainJson;
}
