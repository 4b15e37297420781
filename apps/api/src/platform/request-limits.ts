// Request body limits, applied while the body streams in: JSON (and every other non-multipart
// body) up to `jsonBytes`, a GraphQL multipart upload up to `multipartBytes` (the largest file an
// upload mutation accepts, plus its form fields). A declared Content-Length over the limit is
// refused before anything is read; a body without one (chunked) is counted chunk by chunk and
// refused the moment it crosses the limit, so memory never holds more than the limit.
// Refusals are PAYLOAD_TOO_LARGE (HTTP 413) naming the limit, with `Connection: close`: the rest
// of the body is never read, and the connection is not reused.
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export interface RequestLimits {
  /** Largest non-multipart body (JSON, GraphQL text, form-urlencoded), in bytes. */
  jsonBytes: number;
  /** Largest multipart/form-data body (GraphQL uploads), in bytes. */
  multipartBytes: number;
}

const CONTENT_LENGTH = /^\d+$/;

export function payloadTooLarge(limit: number) {
  return createGraphQLError(`请求体过大(上限 ${limit} 字节)`, {
    extensions: {
      code: 'PAYLOAD_TOO_LARGE',
      maxBytes: limit,
      http: { status: 413, headers: { connection: 'close' } },
    },
  });
}

function isMultipart(request: Request): boolean {
  return request.headers.get('content-type')?.toLowerCase().startsWith('multipart/') ?? false;
}

type StreamCtor = new (source: UnderlyingDefaultSource<Uint8Array>) => ReadableStream<Uint8Array>;

/**
 * The body of `request` as a stream that counts bytes as they are pulled and errors once they
 * pass `limit`. Unlike a TransformStream, it never cancels the source when it errors: cancelling a
 * Node request stream destroys its socket, and the 413 could not be sent.
 */
export function countingBody(body: ReadableStream<Uint8Array>, limit: number, Stream: StreamCtor) {
  const reader = body.getReader();
  const state = { bytes: 0, exceeded: false };
  const stream = new Stream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      state.bytes += value.byteLength;
      if (state.bytes > limit) {
        // The source is left unread and locked (releasing or cancelling a Node request's reader
        // destroys the socket); the 413 goes out with Connection: close.
        state.exceeded = true;
        controller.error(payloadTooLarge(limit));
        return;
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      // whatwg-node's stream calls cancel when it is errored and drops the error unless cancel
      // throws it: the parser would then wait for the end of a body that never comes.
      if (state.exceeded) throw reason;
      return reader.cancel(reason);
    },
  });
  return { stream, state };
}

/** Refuses bodies over the limits while they arrive (replaces yoga's own maxRequestBodySize). */
export function useRequestLimits(limits: RequestLimits): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const limit = isMultipart(request) ? limits.multipartBytes : limits.jsonBytes;
      const declared = request.headers.get('content-length');
      if (declared != null) {
        if (!CONTENT_LENGTH.test(declared)) {
          throw createGraphQLError('Content-Length 无效', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
        // With a length the HTTP server stops at it; over the limit nothing is read.
        if (Number(declared) > limit) throw payloadTooLarge(limit);
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser(async (req) => {
        if (!req.body) return parse(req);
        const counted = countingBody(
          req.body as ReadableStream<Uint8Array>,
          limit,
          fetchAPI.ReadableStream as unknown as StreamCtor,
        );
        const limited = new fetchAPI.Request(req.url, {
          method: req.method,
          headers: req.headers,
          signal: req.signal,
          body: counted.stream,
          duplex: 'half',
        } as RequestInit);
        try {
          return await parse(limited);
        } catch (error) {
          // The multipart parser reports a failed stream as "invalid multipart data" (400).
          if (counted.state.exceeded) throw payloadTooLarge(limit);
          throw error;
        }
      });
    },
  };
}
