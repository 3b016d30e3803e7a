import { describe, expect, it, vi } from "vitest";
import {
  ApiRequestError,
  errorFromBody,
  NETWORK_ERROR,
  query,
  request,
  setUnauthorizedListener,
} from "../src/api/client.ts";

function fakeFetch(status: number, body?: unknown, contentType = "application/json") {
  return vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    const text = body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, { status, headers: { "content-type": contentType } });
  });
}

async function failure(promise: Promise<unknown>): Promise<ApiRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiRequestError) return error;
    throw error;
  }
  throw new Error("expected the request to fail");
}

describe("errorFromBody", () => {
  it("reads the contract's error shape with per-field messages", () => {
    const error = errorFromBody(400, {
      error: {
        code: "invalid_input",
        message: "Check the fields",
        fields: { username: "At least 3 characters" },
      },
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error.status).toBe(400);
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe("Check the fields");
    expect(error.fields).toEqual({ username: "At least 3 characters" });
  });

  it("keeps only string field messages", () => {
    const error = errorFromBody(400, {
      error: { code: "x", message: "m", fields: { a: "ok", b: 3, c: null } },
    });
    expect(error.fields).toEqual({ a: "ok" });
  });

  it("derives a code from the status when the body is not the contract's (a proxy page, nothing)", () => {
    expect(errorFromBody(401, undefined).code).toBe("unauthenticated");
    expect(errorFromBody(404, "<html>").code).toBe("not_found");
    expect(errorFromBody(429, {}).code).toBe("rate_limited");
    expect(errorFromBody(502, { error: "bad gateway" }).code).toBe("internal_error");
    expect(errorFromBody(502, null).message).toBe("HTTP 502");
  });

  it("marks 401 as unauthenticated", () => {
    expect(errorFromBody(401, {}).isUnauthenticated).toBe(true);
    expect(errorFromBody(403, {}).isUnauthenticated).toBe(false);
  });
});

describe("request", () => {
  it("sends JSON with the same-origin cookie and parses the reply", async () => {
    const fetchImpl = fakeFetch(200, { member: { id: "m1" } });
    const result = await request<{ member: { id: string } }>("POST", "/api/v1/auth/login", {
      body: { username: "river", password: "pw" },
      fetchImpl,
    });
    expect(result.member.id).toBe("m1");
    const [url, init] = fetchImpl.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/v1/auth/login");
    expect(init.method).toBe("POST");
    expect(init.credentials).toBe("same-origin");
    expect((init.headers as Record<string, string>)["content-type"]).toBe("application/json");
    expect(init.body).toBe('{"username":"river","password":"pw"}');
  });

  it("sends no content-type and no body on a GET", async () => {
    const fetchImpl = fakeFetch(200, { checkins: [] });
    await request("GET", "/api/v1/checkins", { fetchImpl });
    const [, init] = fetchImpl.mock.calls[0] as [string, RequestInit];
    expect((init.headers as Record<string, string>)["content-type"]).toBeUndefined();
    expect(init.body).toBeNull();
  });

  it("returns undefined for 204", async () => {
    await expect(
      request("DELETE", "/api/v1/checkins/2026-01-01", { fetchImpl: fakeFetch(204) }),
    ).resolves.toBe(undefined);
  });

  it("throws the server's error with its fields", async () => {
    const fetchImpl = fakeFetch(400, {
      error: { code: "invalid_input", message: "m", fields: { mood: "From 1 to 5" } },
    });
    const error = await failure(request("PUT", "/api/v1/checkins/2026-01-01", { body: {}, fetchImpl }));
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error.fields).toEqual({ mood: "From 1 to 5" });
  });

  it("turns a failed connection into a network error", async () => {
    const fetchImpl = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    const error = await failure(request("GET", "/api/v1/me", { fetchImpl }));
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error.status).toBe(0);
    expect(error.code).toBe(NETWORK_ERROR);
  });

  it("survives a non-JSON error body", async () => {
    const error = await failure(
      request("GET", "/api/v1/me", {
        fetchImpl: fakeFetch(500, "oops", "text/plain"),
      }),
    );
    expect(error.status).toBe(500);
    expect(error.code).toBe("internal_error");
  });

  it("reports a lost session on 401, except where 401 means wrong credentials", async () => {
    const listener = vi.fn();
    setUnauthorizedListener(listener);
    await request("GET", "/api/v1/progress", { fetchImpl: fakeFetch(401, {}) }).catch(() => {});
    expect(listener).toHaveBeenCalledTimes(1);
    await request("POST", "/api/v1/auth/login", {
      body: {},
      sessionExpected: false,
      fetchImpl: fakeFetch(401, {}),
    }).catch(() => {});
    expect(listener).toHaveBeenCalledTimes(1);
    setUnauthorizedListener(() => {});
  });
});

describe("query", () => {
  it("keeps defined values only", () => {
    expect(query({ from: "2026-01-01", to: undefined })).toBe("?from=2026-01-01");
    expect(query({})).toBe("");
  });
});
