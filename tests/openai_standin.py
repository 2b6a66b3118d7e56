"""A real HTTP server on 127.0.0.1 speaking the OpenAI chat-completions API, with scripted replies.

Each request pops the next `Reply` from `server.script` (or uses `server.default`), and is
recorded in `server.requests`, so tests can check what the app sent as well as what it did
with the answer: streaming or not, slow, garbage, a stream cut mid-answer, HTTP errors,
keep-alive pings (SSE comment lines, as llama.cpp sends every 15 s) and a client that goes
away mid-answer (recorded in `server.disconnects`, so a test can see the request was cancelled).
"""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    content: str = ""
    delay_s: float = 0.0  # before the first byte
    garbage: bool = False  # 200 with a body that is not the API's JSON
    cut_after: int | None = None  # stream: close the connection after this many pieces
    status: int = 200
    pings: int = 0  # stream: SSE comment lines (": ping") sent before the first piece
    ping_every_s: float = 0.1
    piece_delay_s: float = 0.0  # stream: pause between pieces
    reject_schema: bool = False  # answer a json_schema response_format with HTTP 500, as llama-cpp-python's server does


class Handler(BaseHTTPRequestHandler):
    server: StandIn

    def log_message(self, *args):  # keep test output clean
        pass

    def _json(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path.rstrip("/").endswith("/models"):
            self._json(200, {"object": "list", "data": [{"id": self.server.model, "object": "model"}]})
        else:
            self._json(404, {"error": {"message": "not found"}})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        self.server.requests.append(body)
        with self.server.lock:
            reply = self.server.script.pop(0) if self.server.script else self.server.default
        if reply.delay_s:
            time.sleep(reply.delay_s)
        if reply.reject_schema and (body.get("response_format") or {}).get("type") == "json_schema":
            with self.server.lock:
                self.server.script.insert(0, dataclasses.replace(reply, reject_schema=False))  # the retry gets it
            self._json(500, {"error": {"message": "1 validation error: response_format.type Input should be 'text' "
                                                  "or 'json_object'", "type": "server_error"}})
            return
        if reply.status != 200:
            self._json(reply.status, {"error": {"message": "scripted failure", "type": "server_error"}})
            return
        if reply.garbage:
            data = b"<html>502 Bad Gateway \xff\xfe not json"
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        base = {"id": "chatcmpl-standin", "created": int(time.time()), "model": body.get("model", "m")}
        if not body.get("stream"):
            self._json(200, base | {"object": "chat.completion", "choices": [
                {"index": 0, "message": {"role": "assistant", "content": reply.content}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        pieces = [reply.content[i : i + 8] for i in range(0, len(reply.content), 8)] or [""]

        def send(obj) -> None:
            self.wfile.write(b"data: " + (obj if isinstance(obj, bytes) else json.dumps(obj).encode()) + b"\n\n")
            self.wfile.flush()

        try:
            self._stream(reply, pieces, base, send)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.server.disconnects.append(len(self.server.requests) - 1)  # the client went away: stop generating
            self.close_connection = True

    def _stream(self, reply: Reply, pieces: list[str], base: dict, send) -> None:
        for _ in range(reply.pings):
            self.wfile.write(b": ping\n\n")
            self.wfile.flush()
            time.sleep(reply.ping_every_s)
        for n, piece in enumerate(pieces):
            if reply.piece_delay_s and n:
                time.sleep(reply.piece_delay_s)
            if reply.cut_after is not None and n >= reply.cut_after:
                self.close_connection = True
                return
            delta = {"content": piece} | ({"role": "assistant"} if n == 0 else {})
            send(base | {"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": delta, "finish_reason": None}]})
        send(base | {"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        send(b"[DONE]")
        self.server.completed.append(len(self.server.requests) - 1)


class StandIn(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, model: str = "standin-model"):
        super().__init__(("127.0.0.1", 0), Handler)
        self.model = model
        self.script: list[Reply] = []
        self.default = Reply("資料には該当する記述が見つかりませんでした。")
        self.requests: list[dict] = []
        self.disconnects: list[int] = []  # indexes of requests whose client closed the stream early
        self.completed: list[int] = []  # indexes of requests streamed to the end
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def __enter__(self) -> StandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()
