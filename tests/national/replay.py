"""A local HTTP server for the national-data tests: 127.0.0.1, a free port, one thread.

It replays HAND-MADE responses in the shapes of the real services (NATIONAL_DATA.md §4):
nothing here was recorded from a real server, and no test reaches one. A route is a path
and the answers to it: one ``Answer`` (served every time), a list (served in turn, the
last one repeated: "503, then OK") or a callable ``(query, server) -> Answer`` for
answers that depend on the query (paging). Every request is logged in ``requests``, the
body of every POST in ``posted``; a POST is answered by the route of its path as a GET is.
"""

import http.server
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Union
from urllib.parse import parse_qsl, urlencode, urlsplit


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: Dict[str, str] = field(default_factory=dict)
    cut: bool = False  # announce the whole body, send half, close: a connection cut mid-body
    delay: float = 0.0  # seconds before answering: a slow server


def json_answer(data, status: int = 200, **headers) -> Answer:
    content_type = headers.pop("content_type", "application/json")
    body = json.dumps(data).encode("utf-8")
    return Answer(status, body, {"Content-Type": content_type, **headers})


def ogc_items_page(server, path: str, query: dict, features: List[str], size: int, crs: str):
    """One ``/items`` page of an OGC API Features collection as PDOK answers it: the
    ``features`` (GeoJSON texts) from ``cursor`` on, at most ``size`` of them, with
    links[rel=self] and, but on the last page, links[rel=next] to the next cursor; the body
    is joined from the texts, so a national page costs no JSON encoding."""
    start = int(query.get("cursor", 0))
    page = features[start : start + size]
    links = [{"rel": "self", "type": "application/geo+json", "href": server.url(path)}]
    if start + size < len(features):
        href = server.url(path + "?" + urlencode({**query, "cursor": start + size}))
        links.append({"rel": "next", "type": "application/geo+json", "href": href})
    head = {
        "type": "FeatureCollection",
        "timeStamp": "2026-01-01T00:00:00Z",
        "numberReturned": len(page),
        "links": links,
    }
    body = json.dumps(head)[:-1] + ', "features": [' + ", ".join(page) + "]}"
    headers = {"Content-Type": "application/geo+json", "Content-Crs": f"<{crs}>"}
    return Answer(200, body.encode("utf-8"), headers)


Route = Union[Answer, List[Answer], Callable[[dict, "ReplayServer"], Answer]]


class ReplayServer:
    def __init__(self):
        self.routes: Dict[str, Route] = {}
        self.requests: List[str] = []  # the path and query of every request, in order
        self.posted: List[bytes] = []  # the body of every POST, in order
        self._served: Dict[str, int] = {}
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> "ReplayServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop answering: the port is closed, so a request is refused."""
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, route: Route) -> None:
        self.routes[path] = route

    def count(self, path: str) -> int:
        """How many requests reached ``path`` (any query)."""
        return sum(1 for request in self.requests if urlsplit(request).path == path)

    def answer(self, target: str) -> Answer:
        parts = urlsplit(target)
        route = self.routes.get(parts.path)
        if route is None:
            return json_answer({"code": "NotFound", "description": "hand-made 404"}, 404)
        if callable(route):
            return route(dict(parse_qsl(parts.query)), self)
        if isinstance(route, list):
            served = self._served.get(parts.path, 0)
            self._served[parts.path] = served + 1
            return route[min(served, len(route) - 1)]
        return route

    def _handler(self):
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                server.posted.append(self.rfile.read(length))
                self.do_GET()

            def do_GET(self):
                server.requests.append(self.path)
                answer = server.answer(self.path)
                if answer.delay:
                    time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(answer.body)))
                    if answer.cut:
                        self.send_header("Connection", "close")
                    self.end_headers()
                    if answer.cut:
                        self.wfile.write(answer.body[: len(answer.body) // 2])
                        self.wfile.flush()
                        self.connection.shutdown(socket.SHUT_RDWR)
                        self.close_connection = True
                        return
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    self.close_connection = True

            def log_message(self, *args):
                pass

        return Handler
