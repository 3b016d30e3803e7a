/**
 * Log lines never hold passwords, tokens, notes or other free text: request bodies are not logged at all, and
 * the headers that carry credentials are censored.
 *
 * One line per request, written when the answer has gone: method, path, status, time, address. Fastify's
 * default is two lines (an "incoming request" with the request serialised, then "request completed"); one line
 * holds what an operator needs and costs about half as much. Failures keep Fastify's own lines.
 */
import { type FastifyReply, type FastifyRequest, LogController } from "fastify";

export const logRedactions = {
  paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
  censor: "[redacted]",
};

export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    request.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
        remoteAddress: request.ip,
      },
      "request completed",
    );
  }
}
