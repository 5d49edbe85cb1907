import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { NotFound } from "@/lib/errors";
import { readJson } from "@/lib/http";
import { route } from "./route";

// Auth.js does not load outside Next; these cases never read a session (`{ session: false }`).
vi.mock("@/lib/auth/session", () => ({
  getRequestCtx: async () => {
    throw new Error("no session in this test");
  },
}));

// The wrapper's error mapping, with `{ session: false }` (anonymous ctx, no Auth.js cookie needed).
describe("route(handler)", () => {
  const req = (body = "{}") => new Request("http://localhost/api/x", { method: "POST", body });

  it("awaits the params and passes an anonymous ctx", async () => {
    const GET = route<{ id: string }>(async ({ ctx, params }) => Response.json({ actor: ctx.actor.type, id: params.id }), { session: false });
    const res = await GET(req(), { params: Promise.resolve({ id: "abc" }) });
    expect(await res.json()).toEqual({ actor: "anonymous", id: "abc" });
  });

  it("answers a DomainError with its 4xx { code, message }", async () => {
    const res = await route(async () => { throw new NotFound("The loan"); }, { session: false })(req());
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "not_found", message: "The loan was not found." });
  });

  it("answers bad JSON and a ZodError with 400", async () => {
    const bad = await route(async ({ request }) => Response.json(await readJson(request)), { session: false })(req("{nope"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "invalid_json" });
    const zod = await route(async () => Response.json(z.object({ a: z.string() }).parse({})), { session: false })(req());
    expect(zod.status).toBe(400);
    expect(await zod.json()).toMatchObject({ code: "validation_failed", fields: { a: expect.any(String) } });
  });

  it("answers anything else with a 500 that says nothing about the cause", async () => {
    const res = await route(async () => { throw new Error("secret detail"); }, { session: false })(req());
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.code).toBe("internal_error");
    expect(JSON.stringify(body)).not.toContain("secret");
  });
});
