import Fastify from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { responseSerializerCompiler } from "./serialization.ts";

async function appAnswering(checkResponses: boolean, answer: unknown) {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler(checkResponses));
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      "/thing",
      { schema: { response: { 200: z.object({ id: z.string(), count: z.number().int() }) } } },
      async () => answer as { id: string; count: number },
    );
  await app.ready();
  return app;
}

describe("answers checked against their schema (tests)", () => {
  it("sends an answer that is exactly what the schema describes", async () => {
    const app = await appAnswering(true, { id: "a", count: 2 });
    const response = await app.inject({ method: "GET", url: "/thing" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: "a", count: 2 });
  });

  it("fails an answer with a field the schema does not list, instead of letting it out", async () => {
    const app = await appAnswering(true, { id: "a", count: 2, secret: "x" });
    expect((await app.inject({ method: "GET", url: "/thing" })).statusCode).toBe(500);
  });

  it("fails an answer whose values break the schema", async () => {
    const app = await appAnswering(true, { id: "a", count: 2.5 });
    expect((await app.inject({ method: "GET", url: "/thing" })).statusCode).toBe(500);
  });
});

describe("answers in production", () => {
  it("are written as the presenter built them, with plain JSON.stringify (presenters are the allow-list)", async () => {
    const app = await appAnswering(false, { id: "a", count: 2 });
    const response = await app.inject({ method: "GET", url: "/thing" });
    expect(response.body).toBe('{"id":"a","count":2}');
  });
});
